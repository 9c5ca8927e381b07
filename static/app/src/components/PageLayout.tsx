import type { ReactNode } from 'react';
import { Box, Stack } from '@atlaskit/primitives';

/** Page padding and vertical rhythm shared by both pages. */
export function PageLayout({ children }: { children: ReactNode }) {
  return (
    <Box as="main" padding="space.300" backgroundColor="elevation.surface">
      <Stack space="space.400">{children}</Stack>
    </Box>
  );
}
