import Heading from '@atlaskit/heading';
import { Stack, Text } from '@atlaskit/primitives';

export function PageHeader({ title, description }: { title: string; description: string }) {
  return (
    <Stack space="space.100">
      <Heading size="large" as="h1">
        {title}
      </Heading>
      <Text as="p" color="color.text.subtle">
        {description}
      </Text>
    </Stack>
  );
}
