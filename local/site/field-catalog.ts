/**
 * The site's fields as `GET /rest/api/3/field` lists them. Flags and clause names are copied from a
 * real Jira Cloud field list; `navigable: false` fields (comment, worklog, attachment, time tracking)
 * are also the ones `*navigable` leaves out of an issue.
 */
import { SLA_DEFS } from './sla';

export interface FieldDef {
  id: string;
  key: string;
  name: string;
  untranslatedName?: string;
  custom: boolean;
  orderable: boolean;
  navigable: boolean;
  searchable: boolean;
  clauseNames: string[];
  schema?: Record<string, unknown>;
}

type Flags = [orderable: boolean, navigable: boolean, searchable: boolean];

function system(id: string, name: string, [orderable, navigable, searchable]: Flags, clauseNames: string[], schema?: Record<string, unknown>): FieldDef {
  return { id, key: id, name, custom: false, orderable, navigable, searchable, clauseNames, ...(schema ? { schema: { ...schema, system: id } } : {}) };
}

function custom(customId: number, name: string, clauseNames: string[], schema: { type: string; custom: string }): FieldDef {
  const id = `customfield_${customId}`;
  return {
    id, key: id, name, untranslatedName: name, custom: true, orderable: true, navigable: true, searchable: true,
    clauseNames: [`cf[${customId}]`, ...clauseNames], schema: { ...schema, customId },
  };
}

const NAV: Flags = [false, true, true];
const EDITABLE: Flags = [true, true, true];
const HIDDEN: Flags = [true, false, true];

export const FIELDS: readonly FieldDef[] = [
  system('summary', 'Summary', EDITABLE, ['summary'], { type: 'string' }),
  system('issuekey', 'Key', [false, true, false], ['id', 'issue', 'issuekey', 'key']),
  system('issuetype', 'Issue Type', EDITABLE, ['issuetype', 'type'], { type: 'issuetype' }),
  system('project', 'Project', NAV, ['project'], { type: 'project' }),
  system('status', 'Status', NAV, ['status'], { type: 'status' }),
  system('statusCategory', 'Status Category', NAV, ['statusCategory']),
  system('priority', 'Priority', EDITABLE, ['priority'], { type: 'priority' }),
  system('resolution', 'Resolution', EDITABLE, ['resolution'], { type: 'resolution' }),
  system('resolutiondate', 'Resolved', NAV, ['resolutiondate', 'resolved'], { type: 'datetime' }),
  system('assignee', 'Assignee', EDITABLE, ['assignee'], { type: 'user' }),
  system('reporter', 'Reporter', EDITABLE, ['reporter'], { type: 'user' }),
  system('creator', 'Creator', NAV, ['creator'], { type: 'user' }),
  system('labels', 'Labels', EDITABLE, ['labels'], { type: 'array', items: 'string' }),
  system('created', 'Created', NAV, ['created', 'createdDate'], { type: 'datetime' }),
  system('updated', 'Updated', NAV, ['updated', 'updatedDate'], { type: 'datetime' }),
  system('description', 'Description', EDITABLE, ['description'], { type: 'string' }),
  system('comment', 'Comment', HIDDEN, ['comment'], { type: 'comments-page' }),
  system('attachment', 'Attachment', HIDDEN, ['attachments'], { type: 'array', items: 'attachment' }),
  system('issuelinks', 'Linked Issues', EDITABLE, ['issueLink'], { type: 'array', items: 'issuelinks' }),
  system('worklog', 'Log Work', HIDDEN, [], { type: 'array', items: 'worklog' }),
  system('timespent', 'Time Spent', [false, true, false], ['timespent'], { type: 'number' }),
  system('timetracking', 'Time tracking', HIDDEN, [], { type: 'timetracking' }),
  custom(10010, 'Request Type', ['Request Type'], { type: 'sd-customerrequesttype', custom: 'com.atlassian.servicedesk:vp-origin' }),
  ...SLA_DEFS.map((d) => custom(d.customId, d.name, [d.name], { type: 'sd-servicelevelagreement', custom: 'com.atlassian.servicedesk:sd-sla-field' })),
];

const NOT_NAVIGABLE = new Set(FIELDS.filter((f) => !f.navigable).map((f) => f.id));

/** Whether `*navigable` includes this issue field; fields missing from the list are navigable in Jira. */
export const isNavigable = (fieldId: string): boolean => !NOT_NAVIGABLE.has(fieldId);
