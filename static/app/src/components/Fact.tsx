import type { ReactNode } from 'react';
import { Stack, Text } from '@atlaskit/primitives';

/** A small label over a value, as Jira's issue details show fields. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack space="space.025">
      <Text size="small" weight="bold" color="color.text.subtle">
        {label}
      </Text>
      <Text>{children}</Text>
    </Stack>
  );
}
