import { useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { ErrorMessage, HelperMessage, Label, RequiredAsterisk } from '@atlaskit/form';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import TextArea from '@atlaskit/textarea';
import { offsetAt, positionAt, positionOf } from '../format/text-position';

interface Props {
  value: string;
  encoding: 'json' | 'form';
  error?: string;
  onChange: (value: string) => void;
  onUseExample: () => void;
  isExample: boolean;
}

const ID = 'connection-template';

/**
 * The custom template in a monospace editor. The caret's line and column are shown under it, and a
 * template error ("Line 3, column 12: …") has a button that puts the caret on the problem.
 */
export function TemplateEditor({ value, encoding, error, onChange, onUseExample, isExample }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState<{ line: number; column: number }>();
  const track = () => {
    const area = ref.current;
    if (area) setCaret(positionAt(area.value, area.selectionStart));
  };
  const errorAt = error ? positionOf(error) : undefined;
  const goToError = () => {
    const area = ref.current;
    if (!area || !errorAt) return;
    const offset = offsetAt(area.value, errorAt.line, errorAt.column);
    area.focus();
    area.setSelectionRange(offset, Math.min(offset + 1, area.value.length));
    track();
  };
  const described = [error && `${ID}-error`, `${ID}-helper`].filter(Boolean).join(' ');
  return (
    <Stack space="space.050">
      <Inline spread="space-between" alignBlock="end">
        <Label htmlFor={ID}>
          {encoding === 'form' ? 'Form fields template' : 'JSON template'}
          <RequiredAsterisk />
        </Label>
        {!isExample && (
          <Button appearance="subtle" spacing="compact" onClick={onUseExample} testId="template-use-example">
            Start from the example
          </Button>
        )}
      </Inline>
      <TextArea
        id={ID}
        ref={ref}
        aria-describedby={described}
        isInvalid={Boolean(error)}
        isMonospaced
        minimumRows={10}
        maxHeight="28rem"
        resize="vertical"
        spellCheck={false}
        autoComplete="off"
        value={value}
        onChange={(e) => {
          onChange(e.currentTarget.value);
          track();
        }}
        onSelect={track}
        onFocus={track}
        testId={ID}
      />
      <Inline spread="space-between" alignBlock="start" space="space.100">
        <Box>
          {error && (
            <Box id={`${ID}-error`} testId={`${ID}-error`}>
              <ErrorMessage>{error}</ErrorMessage>
            </Box>
          )}
        </Box>
        <Text size="small" color="color.text.subtlest" testId="template-caret">
          {caret ? `Line ${caret.line}, column ${caret.column}` : '\u00a0'}
        </Text>
      </Inline>
      {errorAt && (
        <Box>
          <Button spacing="compact" onClick={goToError} testId="template-go-to-error">
            Go to line {errorAt.line}, column {errorAt.column}
          </Button>
        </Box>
      )}
      <Box id={`${ID}-helper`}>
        <HelperMessage>
          {encoding === 'form'
            ? 'A flat JSON object: each value is sent as text, encoded as application/x-www-form-urlencoded.'
            : 'A JSON document. Quotes, line breaks and any other characters in issue data are escaped for you: the body is always valid JSON.'}
        </HelperMessage>
      </Box>
    </Stack>
  );
}
