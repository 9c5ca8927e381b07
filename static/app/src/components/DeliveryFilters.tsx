import { useCallback } from 'react';
import { Inline } from '@atlaskit/primitives';
import type { LogFilter } from '../hooks/use-delivery-log';
import { ConnectionFilter } from './ConnectionFilter';
import { IssueKeyFilter } from './IssueKeyFilter';
import { StateFilter } from './StateFilter';
import { TimeRangeFilter } from './TimeRangeFilter';


interface Props {
  filter: LogFilter;
  onChange: (filter: LogFilter) => void;
  /** Only the admin page filters by connection; the project page has no such filter. */
  connections?: { id: string; name: string }[];
}

/** Drops empty values so "any" never reaches the backend as an empty string. */
function clean(filter: LogFilter): LogFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== ''));
}

/** Loaded lazily with its selects and date pickers (react-select is the heaviest part of Atlaskit here). */
export function DeliveryFilters({ filter, onChange, connections }: Props) {
  const update = useCallback((patch: Partial<LogFilter>) => onChange(clean({ ...filter, ...patch })), [filter, onChange]);
  const setIssueKey = useCallback((issueKey: string | undefined) => update({ issueKey }), [update]);
  return (
    <Inline space="space.150" alignBlock="start" shouldWrap role="group" aria-label="Filter deliveries">
      {connections && <ConnectionFilter connections={connections} value={filter.connectionId} onChange={(connectionId) => update({ connectionId })} />}
      <StateFilter value={filter.state} onChange={(state) => update({ state })} />
      <IssueKeyFilter value={filter.issueKey} onChange={setIssueKey} />
      <TimeRangeFilter from={filter.from} to={filter.to} onChange={(range) => update({ from: range.from, to: range.to })} />
    </Inline>
  );
}
