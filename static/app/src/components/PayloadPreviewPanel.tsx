import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { CodeBlock } from '@atlaskit/code';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { PayloadFormat, PayloadPreview, ResolverError } from '../../../../src/shared/contract';
import type { EventKind } from '../../../../src/shared/events';
import { previewPayload } from '../api/preview-payload';
import { prettyBody } from '../format/pretty-body';
import { ErrorSectionMessage } from './ErrorSectionMessage';
import { EventSelect } from './EventSelect';
import { FormField } from './FormField';
import { VisuallyHidden } from './VisuallyHidden';

interface Props {
  payload: PayloadFormat;
  events: EventKind[];
  forbiddenMessage: string;
  /** A template or field list problem goes under its own input, not here. */
  onPayloadError: (field: 'template' | 'payloadFields', message: string | undefined) => void;
}

const ISSUE_KEY = /^[A-Z][A-Z0-9_]+-\d+$/;
const BODY_STYLE = { maxHeight: '22rem', overflow: 'auto', borderRadius: token('radius.small', '3px') } as const;
const CODE = { font: token('font.code') } as const;
const CELL = { padding: `${token('space.025')} ${token('space.100')}`, borderBottom: `${token('border.width')} solid ${token('color.border')}`, textAlign: 'start', verticalAlign: 'top', overflowWrap: 'anywhere', font: token('font.code') } as const;

function defaultEvent(events: EventKind[]): EventKind {
  return events.includes('issue_updated') ? 'issue_updated' : (events[0] ?? 'issue_updated');
}

/** The body exactly as the connection would send it, for a real issue, before anything is saved. */
export function PayloadPreviewPanel({ payload, events, forbiddenMessage, onPayloadError }: Props) {
  const [issueKey, setIssueKey] = useState('');
  const [event, setEvent] = useState<EventKind>(() => defaultEvent(events));
  const [loading, setLoading] = useState(false);
  const [issueKeyError, setIssueKeyError] = useState<string>();
  const [error, setError] = useState<ResolverError>();
  const [preview, setPreview] = useState<PayloadPreview>();

  const run = async () => {
    const key = issueKey.trim().toUpperCase();
    setError(undefined);
    setIssueKeyError(undefined);
    if (!ISSUE_KEY.test(key)) {
      setIssueKeyError('Enter an issue key such as SUP-1.');
      return;
    }
    setLoading(true);
    const result = await previewPayload(payload, key, event);
    setLoading(false);
    if (result.ok) {
      setPreview(result.data);
      onPayloadError('template', undefined);
      onPayloadError('payloadFields', undefined);
      return;
    }
    setPreview(undefined);
    const field = result.error.field ?? '';
    if (field === 'issueKey') setIssueKeyError(result.error.message);
    else if (field.startsWith('payload.fields')) onPayloadError('payloadFields', result.error.message);
    else if (field.startsWith('payload')) onPayloadError('template', result.error.message);
    else setError(result.error);
  };

  const isForm = preview?.contentType.startsWith('application/x-www-form-urlencoded') ?? false;
  return (
    <section
      aria-labelledby="payload-preview-heading"
      data-testid="payload-preview"
      style={{ borderTop: `${token('border.width')} solid ${token('color.border')}`, paddingTop: token('space.200') }}
    >
      <Stack space="space.150">
        <Heading size="xsmall" as="h3" id="payload-preview-heading">
          Preview
        </Heading>
        <Text as="p" color="color.text.subtle">
          Renders the body for a real issue, as this form stands now. Nothing is saved or sent.
        </Text>
        <Inline space="space.150" alignBlock="end" shouldWrap>
          <Box style={{ width: '10rem' }}>
            <FormField id="preview-issue-key" label="Issue key" error={issueKeyError}>
              {(aria) => (
                <Textfield
                  {...aria}
                  value={issueKey}
                  placeholder="SUP-1"
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(e) => setIssueKey(e.currentTarget.value)}
                  onKeyDown={(e) => {
                    // Enter previews here; it must not save the connection.
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      void run();
                    }
                  }}
                  testId="preview-issue-key"
                />
              )}
            </FormField>
          </Box>
          <Box style={{ width: '18rem' }}>
            <FormField id="preview-event" label="Event">
              {(aria) => <EventSelect aria={aria} value={event} onChange={setEvent} testId="preview-event" />}
            </FormField>
          </Box>
          {/* Aligned with the inputs even when the key has an error below it. */}
          <Box style={{ alignSelf: issueKeyError ? 'center' : 'end', paddingBlockEnd: token('space.050') }}>
            <Button onClick={() => void run()} isLoading={loading} testId="preview-payload">
              Preview
            </Button>
          </Box>
        </Inline>
        {error && (
          <div role="alert">
            <ErrorSectionMessage error={error} forbiddenMessage={forbiddenMessage} title="No preview" testId="preview-error" />
          </div>
        )}
        {/* A short announcement; the body itself is there to read, not to be read out. */}
        <div role="status">
          <VisuallyHidden>{preview ? `Preview ready${preview.warnings.length > 0 ? `, with ${preview.warnings.length} warning(s)` : ''}.` : ''}</VisuallyHidden>
        </div>
        {preview && (
            <Stack space="space.150" testId="preview-result">
              {preview.warnings.length > 0 && (
                <SectionMessage appearance="warning" title={preview.warnings.length === 1 ? 'The template works, with a warning' : 'The template works, with warnings'} testId="preview-warnings">
                  <ul style={{ margin: 0, paddingInlineStart: token('space.200') }}>
                    {preview.warnings.map((warning) => (
                      <li key={warning}>{warning}</li>
                    ))}
                  </ul>
                </SectionMessage>
              )}
              <Inline space="space.100" alignBlock="baseline">
                <Text weight="medium">Content-Type</Text>
                <span style={CODE} data-testid="preview-content-type">
                  {preview.contentType}
                </span>
              </Inline>
              <div style={BODY_STYLE} data-testid="preview-body" tabIndex={0} role="region" aria-label="Rendered body">
                <CodeBlock text={isForm ? preview.body : prettyBody(preview.body)} language={isForm ? 'text' : 'json'} shouldWrapLongLines />
              </div>
              {isForm && (
                <table style={{ borderCollapse: 'collapse', width: '100%' }} aria-label="Form fields as the listener decodes them" data-testid="preview-form-fields">
                  <thead>
                    <tr>
                      <th scope="col" style={{ ...CELL, font: token('font.body.small'), color: token('color.text.subtle') }}>
                        Field
                      </th>
                      <th scope="col" style={{ ...CELL, font: token('font.body.small'), color: token('color.text.subtle') }}>
                        Value (decoded)
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...new URLSearchParams(preview.body)].map(([name, value], index) => (
                      <tr key={`${index}-${name}`}>
                        <th scope="row" style={CELL}>
                          {name}
                        </th>
                        <td style={CELL}>{value}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Stack>
        )}
      </Stack>
    </section>
  );
}
