import { CodeBlock } from '@atlaskit/code';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { prettyBody } from '../format/pretty-body';

interface Props {
  request: { method: string; url: string; headers: Record<string, string>; body: string; bodyTruncated?: boolean };
  /** Heading level inside the dialog; the dialog's title is the h1 of its layer. */
  headingLevel?: 'h2' | 'h3';
}

const TABLE_STYLE = { borderCollapse: 'collapse', width: '100%' } as const;
const CELL_STYLE = {
  padding: `${token('space.050')} ${token('space.100')}`,
  borderBottom: `${token('border.width')} solid ${token('color.border')}`,
  verticalAlign: 'top',
  textAlign: 'start',
  font: token('font.code'),
  overflowWrap: 'anywhere',
} as const;
const HEAD_STYLE = { ...CELL_STYLE, font: token('font.body.small'), fontWeight: token('font.weight.bold'), color: token('color.text.subtle') } as const;
// Long bodies scroll inside the dialog instead of pushing the attempts out of sight.
const BODY_STYLE = { maxHeight: '24rem', overflow: 'auto', borderRadius: token('radius.small') } as const;

/** The exact request as the server recorded it. Secrets arrive already masked; nothing is unmasked here. */
export function RequestDetails({ request, headingLevel = 'h3' }: Props) {
  const headers = Object.entries(request.headers);
  return (
    <Stack space="space.150" testId="request-details">
      <Heading size="xsmall" as={headingLevel}>
        Request
      </Heading>
      <Inline space="space.100" alignBlock="center">
        <Text weight="bold">{request.method}</Text>
        <Box style={{ font: token('font.code'), overflowWrap: 'anywhere' }}>{request.url}</Box>
      </Inline>
      <table style={TABLE_STYLE} aria-label="Request headers" data-testid="request-headers">
        <thead>
          <tr>
            <th style={HEAD_STYLE} scope="col">
              Header
            </th>
            <th style={HEAD_STYLE} scope="col">
              Value
            </th>
          </tr>
        </thead>
        <tbody>
          {headers.map(([name, value]) => (
            <tr key={name}>
              <th style={{ ...CELL_STYLE, fontWeight: token('font.weight.medium') }} scope="row">
                {name}
              </th>
              <td style={CELL_STYLE}>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Text weight="medium">Body</Text>
      {/* Focusable and named: keyboard users must be able to scroll the body too. */}
      <div style={BODY_STYLE} data-testid="request-body" tabIndex={0} role="region" aria-label="Request body">
        <CodeBlock text={prettyBody(request.body)} language="json" shouldWrapLongLines />
      </div>
      {request.bodyTruncated && (
        <Text size="small" color="color.text.subtle">
          The body is shortened here; the listener received it in full.
        </Text>
      )}
    </Stack>
  );
}
