import type { ReactNode } from 'react';
import { Label } from '@atlaskit/form';
import { Box, Stack } from '@atlaskit/primitives';

interface Props {
  id: string;
  label: string;
  /** Filters sit in one wrapping row; each keeps a width that fits its content. */
  width: string;
  children: ReactNode;
}

/** A label above one filter control, like Jira's filter bars. */
export function FilterField({ id, label, width, children }: Props) {
  return (
    <Box style={{ width }}>
      <Stack space="space.050">
        <Label htmlFor={id}>{label}</Label>
        {children}
      </Stack>
    </Box>
  );
}
