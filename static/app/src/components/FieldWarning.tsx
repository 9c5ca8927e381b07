import type { ReactNode } from 'react';
import { Text } from '@atlaskit/primitives';

/** Advice in the warning colour: worth reading, never a reason the form refuses to save. */
export function FieldWarning({ children }: { children: ReactNode }) {
  return (
    <Text size="small" color="color.text.warning">
      {children}
    </Text>
  );
}
