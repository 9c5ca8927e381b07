import { Field } from '@atlaskit/form';
import Textfield from '@atlaskit/textfield';
import { FieldMessages } from './FieldMessages';

export function NameField({ defaultValue }: { defaultValue: string }) {
  return (
    <Field<string> name="name" label="Name" isRequired defaultValue={defaultValue}>
      {({ fieldProps, error }) => (
        <>
          <Textfield {...fieldProps} maxLength={100} testId="connection-name" />
          <FieldMessages helper="Shown in delivery logs, e.g. “IT service desk agent”." error={error} />
        </>
      )}
    </Field>
  );
}
