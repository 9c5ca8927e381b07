import { Label } from '@atlaskit/form';
import { Inline, Stack } from '@atlaskit/primitives';
import { HelperMessage } from '@atlaskit/form';
import Toggle from '@atlaskit/toggle';

export function EnabledField({ value, onChange }: { value: boolean; onChange: (value: boolean) => void }) {
  return (
    <Stack space="space.050">
      <Inline space="space.100" alignBlock="center">
        <Toggle id="connection-enabled" isChecked={value} onChange={(e) => onChange(e.currentTarget.checked)} testId="connection-enabled" />
        <Label htmlFor="connection-enabled">Enabled</Label>
      </Inline>
      <HelperMessage>When off, events are not forwarded to this listener.</HelperMessage>
    </Stack>
  );
}
