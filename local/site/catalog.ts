/**
 * Static site configuration (statuses, issue types, priorities, resolutions): the values a default
 * Jira Cloud site ships with, so ids and names look like the real thing.
 */
export interface StatusDef {
  id: string;
  name: string;
  description: string;
  iconUrl: string;
  category: { id: number; key: 'new' | 'indeterminate' | 'done'; colorName: string; name: string };
}

export interface IssueTypeDef {
  id: string;
  name: string;
  description: string;
  avatarId: number;
}

export interface PriorityDef {
  id: string;
  name: string;
  iconPath: string;
}

export const STATUSES: readonly StatusDef[] = [
  { id: '10000', name: 'To Do', description: '', iconUrl: '/', category: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' } },
  {
    id: '3',
    name: 'In Progress',
    description: 'This issue is being actively worked on at the moment by the assignee.',
    iconUrl: '/images/icons/statuses/inprogress.png',
    category: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  },
  { id: '10001', name: 'Done', description: '', iconUrl: '/', category: { id: 3, key: 'done', colorName: 'green', name: 'Done' } },
];

export const ISSUE_TYPES: readonly IssueTypeDef[] = [
  { id: '10001', name: 'Task', description: 'A small, distinct piece of work.', avatarId: 10318 },
  { id: '10002', name: 'Bug', description: 'A problem or error.', avatarId: 10303 },
  { id: '10003', name: 'Story', description: 'Functionality or a feature expressed as a user goal.', avatarId: 10315 },
];

export const PRIORITIES: readonly PriorityDef[] = [
  { id: '1', name: 'Highest', iconPath: '/images/icons/priorities/highest.svg' },
  { id: '2', name: 'High', iconPath: '/images/icons/priorities/high.svg' },
  { id: '3', name: 'Medium', iconPath: '/images/icons/priorities/medium.svg' },
  { id: '4', name: 'Low', iconPath: '/images/icons/priorities/low.svg' },
  { id: '5', name: 'Lowest', iconPath: '/images/icons/priorities/lowest.svg' },
];

export interface IssueLinkTypeDef {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

/** The link types a new Jira Cloud site ships with (names as Jira spells them: "Cloners", "Duplicate"). */
export const ISSUE_LINK_TYPES: readonly IssueLinkTypeDef[] = [
  { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
  { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
];

export const DONE_RESOLUTION = { id: '10000', name: 'Done', description: 'Work has been completed on this issue.' };

function byIdOrName<T extends { id: string; name: string }>(list: readonly T[], value: string): T | undefined {
  const lower = value.toLowerCase();
  return list.find((x) => x.id === value || x.name.toLowerCase() === lower);
}

export const findStatus = (v: string): StatusDef | undefined => byIdOrName(STATUSES, v);
export const findIssueType = (v: string): IssueTypeDef | undefined => byIdOrName(ISSUE_TYPES, v);
export const findPriority = (v: string): PriorityDef | undefined => byIdOrName(PRIORITIES, v);

/** A link type by id, name or outward description, so "Clones" and "Duplicates" work as well as Jira's names. */
export function findIssueLinkType(value: string): IssueLinkTypeDef | undefined {
  const lower = value.trim().toLowerCase();
  return byIdOrName(ISSUE_LINK_TYPES, value.trim()) ?? ISSUE_LINK_TYPES.find((t) => t.outward === lower || t.inward === lower);
}
