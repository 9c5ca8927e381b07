/**
 * Jira Cloud JSON shapes built from stored state: REST v3 (`/rest/api/3` self links) for REST answers
 * (the issue itself is in rest-issue.ts),
 * and the smaller Forge event shapes (whose `self` links point at `/rest/api/2`, as in Forge's examples).
 */
import { ISSUE_TYPES, PRIORITIES, STATUSES, type IssueTypeDef, type PriorityDef, type StatusDef } from './catalog';
import { jiraTime } from './jira-time';
import { APP_ACCOUNT_ID, APP_DISPLAY_NAME, SITE_BASE_URL } from './site-constants';
import type { SiteState, StoredComment, StoredIssue, StoredProject, StoredUser } from './site-state';

type Api = 2 | 3;
type Json = Record<string, unknown>;

const api = (v: Api) => `${SITE_BASE_URL}/rest/api/${v}`;

export { jiraTime };

function avatarUrls(type: 'user' | 'project', id: string | number): Record<string, string> {
  const base = type === 'user' ? `https://secure.gravatar.com/avatar/${id}?d=identicon` : `${api(2)}/universal_avatar/view/type/project/avatar/${id}`;
  const sep = base.includes('?') ? '&' : '?';
  return {
    '48x48': base,
    '24x24': `${base}${sep}size=small`,
    '16x16': `${base}${sep}size=xsmall`,
    '32x32': `${base}${sep}size=medium`,
  };
}

export function userDetails(user: StoredUser): Json {
  return {
    self: `${api(3)}/user?accountId=${user.accountId}`,
    accountId: user.accountId,
    ...(user.emailAddress ? { emailAddress: user.emailAddress } : {}),
    avatarUrls: avatarUrls('user', user.accountId),
    displayName: user.displayName,
    active: true,
    timeZone: user.timeZone,
    accountType: user.serviceAccount ? 'app' : 'atlassian',
  };
}

/** `/myself` and `/user` add locale, groups and application roles. */
export function userFull(user: StoredUser): Json {
  const groups = user.siteAdmin ? ['jira-admins-relay-dev', 'jira-software-users'] : ['jira-software-users'];
  return {
    ...userDetails(user),
    locale: 'en_US',
    groups: { size: groups.length, items: groups.map((name) => ({ name, groupId: `grp-${name}`, self: `${api(3)}/group?groupId=grp-${name}` })) },
    applicationRoles: { size: 1, items: [{ key: 'jira-software', name: 'Jira Software' }] },
    expand: 'groups,applicationRoles',
  };
}

export function appUser(): Json {
  return {
    self: `${api(3)}/user?accountId=${APP_ACCOUNT_ID}`,
    accountId: APP_ACCOUNT_ID,
    avatarUrls: avatarUrls('user', APP_ACCOUNT_ID),
    displayName: APP_DISPLAY_NAME,
    active: true,
    timeZone: 'Etc/UTC',
    accountType: 'app',
    locale: 'en_US',
    groups: { size: 0, items: [] },
    applicationRoles: { size: 0, items: [] },
    expand: 'groups,applicationRoles',
  };
}

export function projectRef(project: StoredProject, v: Api): Json {
  return {
    self: `${api(v)}/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: project.projectTypeKey,
    simplified: false,
    avatarUrls: avatarUrls('project', project.avatarId),
  };
}

/** A project as `GET /rest/api/3/project/search` lists it. */
export function projectSearchItem(project: StoredProject): Json {
  return {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    ...projectRef(project, 3),
    style: 'classic',
    isPrivate: project.restricted,
    properties: {},
    entityId: `00000000-0000-4000-8000-0000000${project.id}`,
    uuid: `00000000-0000-4000-8000-0000000${project.id}`,
  };
}

export function statusRef(status: StatusDef, v: Api): Json {
  return {
    self: `${api(v)}/status/${status.id}`,
    description: status.description,
    iconUrl: `${SITE_BASE_URL}${status.iconUrl}`,
    name: status.name,
    id: status.id,
    statusCategory: {
      self: `${api(v)}/statuscategory/${status.category.id}`,
      id: status.category.id,
      key: status.category.key,
      colorName: status.category.colorName,
      name: status.category.name,
    },
  };
}

export function issueTypeRef(type: IssueTypeDef, v: Api): Json {
  return {
    self: `${api(v)}/issuetype/${type.id}`,
    id: type.id,
    description: type.description,
    iconUrl: `${api(2)}/universal_avatar/view/type/issuetype/avatar/${type.avatarId}?size=medium`,
    name: type.name,
    subtask: false,
    avatarId: type.avatarId,
    hierarchyLevel: 0,
  };
}

export function priorityRef(p: PriorityDef): Json {
  return { self: `${api(3)}/priority/${p.id}`, iconUrl: `${SITE_BASE_URL}${p.iconPath}`, name: p.name, id: p.id };
}

export const statusOf = (issue: StoredIssue): StatusDef => STATUSES.find((s) => s.id === issue.statusId) ?? STATUSES[0];
export const issueTypeOf = (issue: StoredIssue): IssueTypeDef => ISSUE_TYPES.find((t) => t.id === issue.issueTypeId) ?? ISSUE_TYPES[0];
export const priorityOf = (issue: StoredIssue): PriorityDef => PRIORITIES.find((p) => p.id === issue.priorityId) ?? PRIORITIES[2];

export function findUser(state: SiteState, accountId: string | null): StoredUser | undefined {
  return accountId ? state.users.find((u) => u.accountId === accountId) : undefined;
}

export function projectOf(state: SiteState, issue: StoredIssue): StoredProject {
  const project = state.projects.find((p) => p.key === issue.projectKey);
  if (!project) throw new Error(`fake site: issue ${issue.key} has no project ${issue.projectKey}`);
  return project;
}

export function userOrNull(state: SiteState, accountId: string | null): Json | null {
  const user = findUser(state, accountId);
  return user ? userDetails(user) : null;
}

export function restComment(state: SiteState, issue: StoredIssue, c: StoredComment): Json {
  return {
    self: `${api(3)}/issue/${issue.id}/comment/${c.id}`,
    id: c.id,
    author: userOrNull(state, c.authorId),
    body: c.body,
    updateAuthor: userOrNull(state, c.updateAuthorId),
    created: jiraTime(c.created),
    updated: jiraTime(c.updated),
    jsdPublic: true,
  };
}

const ref = (accountId: string | null): Json | null => (accountId ? { accountId } : null);

/** The issue as Forge issue events carry it: id, key and a subset of fields. */
export function eventIssue(state: SiteState, issue: StoredIssue): Json {
  return {
    id: issue.id,
    key: issue.key,
    fields: {
      summary: issue.summary,
      issuetype: issueTypeRef(issueTypeOf(issue), 2),
      creator: ref(issue.creatorId),
      created: jiraTime(issue.created),
      project: projectRef(projectOf(state, issue), 2),
      reporter: ref(issue.reporterId),
      assignee: ref(issue.assigneeId),
      updated: jiraTime(issue.updated),
      status: statusRef(statusOf(issue), 2),
    },
  };
}

export function eventComment(c: StoredComment): Json {
  return {
    id: c.id,
    author: { accountId: c.authorId },
    body: c.body,
    updateAuthor: { accountId: c.updateAuthorId },
    created: jiraTime(c.created),
    updated: jiraTime(c.updated),
    jsdPublic: true,
  };
}
