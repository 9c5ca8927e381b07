import { Field } from '@atlaskit/form';
import Toggle from '@atlaskit/toggle';
import { FieldMessages } from './FieldMessages';

export function EnabledField({ defaultValue }: { defaultValue: boolean }) {
  return (
    <Field<boolean> name="enabled" label="Enabled" defaultValue={defaultValue}>
      {({ fieldProps, error }) => (
        <>
          <Toggle
            id={fieldProps.id}
            name={fieldProps.name}
            isChecked={fieldProps.value}
            isDisabled={fieldProps.isDisabled}
            onChange={(event) => fieldProps.onChange(event.currentTarget.checked)}
            onBlur={fieldProps.onBlur}
            onFocus={fieldProps.onFocus}
            testId="connection-enabled"
          />
          <FieldMessages helper="When off, events are not forwarded to this listener." error={error} />
        </>
      )}
    </Field>
  );
}
