import { Box, Inline, Text } from '@atlaskit/primitives';
import Spinner from '@atlaskit/spinner';

/** A spinner with visible text, so screen readers and sighted users both know what is loading. */
export function LoadingState({ label }: { label: string }) {
  return (
    <Box padding="space.200" role="status">
      <Inline space="space.100" alignBlock="center">
        <Spinner size="medium" label={label} />
        <Text color="color.text.subtle">{label}</Text>
      </Inline>
    </Box>
  );
}
