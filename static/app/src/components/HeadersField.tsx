import Button from '@atlaskit/button/new';
import { ErrorMessage, Fieldset, HelperMessage } from '@atlaskit/form';
import { Box, Stack } from '@atlaskit/primitives';
import { newHeaderRow, type HeaderRow } from '../model/connection-form-values';
import type { FieldErrors } from '../model/field-errors';
import { HeaderRowFields } from './HeaderRowFields';

interface Props {
  rows: HeaderRow[];
  errors: FieldErrors;
  onChange: (rows: HeaderRow[]) => void;
}

/** Extra request headers, e.g. a routing hint the listener expects. Never credentials: those go in the API key. */
export function HeadersField({ rows, errors, onChange }: Props) {
  const update = (index: number, row: HeaderRow) => onChange(rows.map((r, i) => (i === index ? row : r)));
  return (
    <Fieldset legend="Extra headers">
      <Stack space="space.100">
        {rows.map((row, index) => (
          <HeaderRowFields
            key={row.rowId}
            row={row}
            index={index}
            nameError={errors[`headers.${index}.name`]}
            valueError={errors[`headers.${index}.value`]}
            onChange={(next) => update(index, next)}
            onRemove={() => onChange(rows.filter((_, i) => i !== index))}
          />
        ))}
        {errors.headers && (
          <Box testId="connection-headers-error">
            <ErrorMessage>{errors.headers}</ErrorMessage>
          </Box>
        )}
        <Box>
          <Button onClick={() => onChange([...rows, newHeaderRow()])} testId="add-header">
            Add header
          </Button>
        </Box>
        <HelperMessage>Sent with every request, in addition to the Authorization and content headers the app sets.</HelperMessage>
      </Stack>
    </Fieldset>
  );
}
