import { Inline } from '@atlaskit/primitives';
import { Label } from '@atlaskit/form';
import Toggle from '@atlaskit/toggle';

interface Props {
  connectionId: string;
  connectionName: string;
  optedIn: boolean;
  saving: boolean;
  onChange: (optedIn: boolean) => void;
}

export function OptInToggle({ connectionId, connectionName, optedIn, saving, onChange }: Props) {
  const id = `optin-${connectionId}`;
  return (
    <Inline space="space.100" alignBlock="center">
      <Toggle
        id={id}
        isChecked={optedIn}
        // isLoading keeps it from being flipped again before the backend has answered.
        isLoading={saving}
        onChange={(event) => onChange(event.currentTarget.checked)}
        descriptionId={`${id}-description`}
        testId={`optin-toggle-${connectionId}`}
      />
      <Label htmlFor={id}>Forward this project's events</Label>
      <span id={`${id}-description`} hidden>
        to {connectionName}
      </span>
    </Inline>
  );
}
