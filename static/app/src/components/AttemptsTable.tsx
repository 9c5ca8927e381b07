import DynamicTable from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { AttemptView } from '../../../../src/shared/contract';
import { formatLatency } from '../format/format-latency';
import { formatTime } from '../format/format-time';
import { truncate } from '../format/truncate';

const HEAD: HeadType = {
  cells: [
    { key: 'n', content: '#' },
    { key: 'at', content: 'Time' },
    { key: 'status', content: 'HTTP status' },
    { key: 'latency', content: 'Latency' },
    { key: 'outcome', content: 'Response or error' },
  ],
};

function toRow(attempt: AttemptView, index: number): RowType {
  return {
    key: `${index}`,
    testId: `attempt-${index + 1}`,
    cells: [
      {
        key: 'n',
        content: (
          <Inline space="space.050" alignBlock="center">
            <Text>{index + 1}</Text>
            {attempt.manual && <Lozenge appearance="inprogress">Manual</Lozenge>}
          </Inline>
        ),
      },
      { key: 'at', content: formatTime(attempt.at) },
      { key: 'status', content: attempt.status ?? 'No response' },
      { key: 'latency', content: formatLatency(attempt.latencyMs) },
      {
        key: 'outcome',
        content: (
          <Stack space="space.025">
            {attempt.error && <Text color="color.text.danger">{attempt.error}</Text>}
            {attempt.responseExcerpt && (
              <Text size="small" color="color.text.subtle">
                {truncate(attempt.responseExcerpt, 300)}
              </Text>
            )}
            {!attempt.error && !attempt.responseExcerpt && <Text color="color.text.subtlest">Empty response</Text>}
          </Stack>
        ),
      },
    ],
  };
}

/** Oldest first, so the numbers read as the story of the delivery. */
export function AttemptsTable({ attempts }: { attempts: AttemptView[] }) {
  return <DynamicTable label="Attempts" head={HEAD} rows={attempts.map(toRow)} testId="attempts" />;
}
