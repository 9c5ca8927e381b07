import type { ReactNode } from 'react';
import { Box, Stack, Text } from '@atlaskit/primitives';

/**
 * A titled group of checkboxes inside a larger fieldset. A nested fieldset, so screen readers announce
 * "Comments, group" before "Comment added"; its legend reads as a subheading under the field's label.
 */
export function EventGroup({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box as="fieldset">
      <Box as="legend" paddingBlockEnd="space.050">
        <Text weight="semibold">{label}</Text>
      </Box>
      <Stack space="space.025">{children}</Stack>
    </Box>
  );
}
