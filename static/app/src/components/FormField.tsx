import type { ReactNode } from 'react';
import { ErrorMessage, HelperMessage, Label, RequiredAsterisk } from '@atlaskit/form';
import { Box, Stack } from '@atlaskit/primitives';

export interface FieldAria {
  id: string;
  'aria-describedby'?: string;
  isInvalid: boolean;
}

interface Props {
  id: string;
  label: string;
  isRequired?: boolean;
  helper?: ReactNode;
  /** A gentle note that does not block saving (e.g. a URL that does not look like a listener URL). */
  warning?: ReactNode;
  error?: string;
  children: (aria: FieldAria) => ReactNode;
}

/**
 * Label, control, helper and error for a controlled input. The form keeps its values in React state
 * (not Atlaskit Form) because server errors address nested rows such as `headers.1.value`.
 */
export function FormField({ id, label, isRequired, helper, warning, error, children }: Props) {
  const described = [error && `${id}-error`, warning && `${id}-warning`, helper && `${id}-helper`].filter(Boolean).join(' ');
  return (
    <Stack space="space.050">
      <Label htmlFor={id}>
        {label}
        {isRequired && <RequiredAsterisk />}
      </Label>
      {children({ id, 'aria-describedby': described || undefined, isInvalid: Boolean(error) })}
      {error && (
        <Box id={`${id}-error`} testId={`${id}-error`}>
          <ErrorMessage>{error}</ErrorMessage>
        </Box>
      )}
      {warning && (
        <Box id={`${id}-warning`} testId={`${id}-warning`}>
          {warning}
        </Box>
      )}
      {helper && (
        <Box id={`${id}-helper`}>
          <HelperMessage>{helper}</HelperMessage>
        </Box>
      )}
    </Stack>
  );
}
