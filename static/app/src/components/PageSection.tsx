import type { ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';

interface Props {
  /** Prefix of the heading's id (`<id>-heading`), which labels the section for screen readers. */
  id: string;
  title: string;
  description: ReactNode;
  /** Buttons at the heading's right. */
  actions?: ReactNode;
  testId?: string;
  children: ReactNode;
}

/** One titled section of a page: heading, a line saying what it is for, optional actions, content. */
export function PageSection({ id, title, description, actions, testId, children }: Props) {
  const heading = (
    <Stack space="space.050">
      <Heading size="medium" as="h2" id={`${id}-heading`}>
        {title}
      </Heading>
      <Text as="p" color="color.text.subtle">
        {description}
      </Text>
    </Stack>
  );
  return (
    <Box as="section" aria-labelledby={`${id}-heading`} testId={testId}>
      <Stack space="space.200">
        {actions ? (
          <Inline spread="space-between" alignBlock="center">
            {heading}
            {actions}
          </Inline>
        ) : (
          heading
        )}
        {children}
      </Stack>
    </Box>
  );
}
