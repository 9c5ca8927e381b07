import SectionMessage from '@atlaskit/section-message';
import type { ResolverError } from '../../../../src/shared/contract';

interface Props {
  error: ResolverError;
  /** What a FORBIDDEN answer means on this page, in the words its users know. */
  forbiddenMessage: string;
  title?: string;
  testId?: string;
}

/** A resolver error as a SectionMessage: FORBIDDEN gets the page's permission sentence, others their message. */
export function ErrorSectionMessage({ error, forbiddenMessage, title, testId }: Props) {
  if (error.code === 'FORBIDDEN') {
    return (
      <SectionMessage appearance="warning" title="You don't have access" testId={testId}>
        <p>{forbiddenMessage}</p>
      </SectionMessage>
    );
  }
  return (
    <SectionMessage appearance="error" title={title ?? 'Something went wrong'} testId={testId}>
      <p>{error.message}</p>
    </SectionMessage>
  );
}
