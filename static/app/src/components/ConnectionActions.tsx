import Button from '@atlaskit/button/new';
import { Inline } from '@atlaskit/primitives';
import type { ConnectionView } from '../../../../src/shared/contract';
import type { ConnectionDialogKind } from './ConnectionDialog';

interface Props {
  connection: ConnectionView;
  onAction: (kind: ConnectionDialogKind, connection: ConnectionView) => void;
}

const ACTIONS: { kind: ConnectionDialogKind; label: string; testId: string }[] = [
  { kind: 'edit', label: 'Edit', testId: 'edit-connection' },
  { kind: 'test', label: 'Test', testId: 'test-connection' },
  { kind: 'send', label: 'Send issue', testId: 'send-issue' },
  { kind: 'redeliverFailed', label: 'Redeliver failed', testId: 'redeliver-failed' },
  { kind: 'signing', label: 'Signing', testId: 'signing-connection' },
  { kind: 'delete', label: 'Delete', testId: 'delete-connection' },
];

// Each name starts with the button's visible text, so speech users can say what they see.
const NAMES: Record<ConnectionDialogKind, (name: string) => string> = {
  create: (name) => `Create ${name}`,
  edit: (name) => `Edit ${name}`,
  test: (name) => `Test ${name}`,
  send: (name) => `Send issue to ${name}`,
  redeliverFailed: (name) => `Redeliver failed deliveries to ${name}`,
  signing: (name) => `Signing settings of ${name}`,
  delete: (name) => `Delete ${name}`,
};

/** Visible buttons rather than a "more" menu: each action is one click away (they wrap in a narrow column). */
export function ConnectionActions({ connection, onAction }: Props) {
  return (
    <Inline space="space.050" shouldWrap>
      {ACTIONS.map((action) => (
        <Button
          key={action.kind}
          spacing="compact"
          appearance="subtle"
          aria-label={NAMES[action.kind](connection.name)}
          onClick={() => onAction(action.kind, connection)}
          testId={`${action.testId}-${connection.id}`}
        >
          {action.label}
        </Button>
      ))}
    </Inline>
  );
}
