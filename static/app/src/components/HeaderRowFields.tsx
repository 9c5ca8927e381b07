import Button from '@atlaskit/button/new';
import { ErrorMessage, Label } from '@atlaskit/form';
import { Box, Inline, Stack } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import type { HeaderRow } from '../model/connection-form-values';

interface Props {
  row: HeaderRow;
  index: number;
  nameError?: string;
  valueError?: string;
  onChange: (row: HeaderRow) => void;
  onRemove: () => void;
}

/** One name/value pair. Each input has its own label (visible on the first row only would confuse screen readers). */
export function HeaderRowFields({ row, index, nameError, valueError, onChange, onRemove }: Props) {
  const nameId = `header-${index}-name`;
  const valueId = `header-${index}-value`;
  return (
    <Inline space="space.100" alignBlock="start" testId={`header-row-${index}`}>
      <Box style={{ flex: '1 1 0' }}>
        <Stack space="space.050">
          <Label htmlFor={nameId}>Header name</Label>
          <Textfield
            id={nameId}
            value={row.name}
            isInvalid={Boolean(nameError)}
            aria-describedby={nameError ? `${nameId}-error` : undefined}
            autoComplete="off"
            spellCheck={false}
            placeholder="X-Team"
            onChange={(e) => onChange({ ...row, name: e.currentTarget.value })}
            testId={nameId}
          />
          {nameError && (
            <Box id={`${nameId}-error`} testId={`${nameId}-error`}>
              <ErrorMessage>{nameError}</ErrorMessage>
            </Box>
          )}
        </Stack>
      </Box>
      <Box style={{ flex: '1 1 0' }}>
        <Stack space="space.050">
          <Label htmlFor={valueId}>Value</Label>
          <Textfield
            id={valueId}
            value={row.value}
            isInvalid={Boolean(valueError)}
            aria-describedby={valueError ? `${valueId}-error` : undefined}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => onChange({ ...row, value: e.currentTarget.value })}
            testId={valueId}
          />
          {valueError && (
            <Box id={`${valueId}-error`} testId={`${valueId}-error`}>
              <ErrorMessage>{valueError}</ErrorMessage>
            </Box>
          )}
        </Stack>
      </Box>
      {/* Aligned with the inputs, below their labels. */}
      <Box paddingBlockStart="space.300">
        <Button appearance="subtle" onClick={onRemove} aria-label={`Remove header ${row.name || index + 1}`} testId={`header-${index}-remove`}>
          Remove
        </Button>
      </Box>
    </Inline>
  );
}
