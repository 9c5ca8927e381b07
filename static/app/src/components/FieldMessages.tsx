import type { ReactNode } from 'react';
import { ErrorMessage, HelperMessage, MessageWrapper } from '@atlaskit/form';

/** Helper text and the field's error (from validation or from the resolver), announced together. */
export function FieldMessages({ helper, error }: { helper?: ReactNode; error?: string }) {
  if (!helper && !error) return null;
  return (
    <MessageWrapper>
      {helper && <HelperMessage>{helper}</HelperMessage>}
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </MessageWrapper>
  );
}
