/**
 * Who may do what on the fake site. Roles, not schemes: site admins hold everything; project admins
 * hold every project permission in their projects; everyone browses and works in unrestricted projects;
 * service accounts only browse and comment where they are allowed to.
 */
import type { SiteState, StoredProject, StoredUser } from './site-state';

export const GLOBAL_PERMISSIONS = ['ADMINISTER', 'SYSTEM_ADMIN', 'USER_PICKER', 'CREATE_SHARED_OBJECTS', 'BULK_CHANGE', 'MANAGE_GROUP_FILTER_SUBSCRIPTIONS'] as const;

export const PROJECT_PERMISSIONS = [
  'ADMINISTER_PROJECTS', 'BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES', 'TRANSITION_ISSUES', 'ASSIGN_ISSUES',
  'ASSIGNABLE_USER', 'RESOLVE_ISSUES', 'CLOSE_ISSUES', 'SCHEDULE_ISSUES', 'LINK_ISSUES', 'MOVE_ISSUES', 'DELETE_ISSUES',
  'WORK_ON_ISSUES', 'ADD_COMMENTS', 'EDIT_ALL_COMMENTS', 'EDIT_OWN_COMMENTS', 'DELETE_ALL_COMMENTS', 'DELETE_OWN_COMMENTS',
  'VIEW_DEV_TOOLS', 'CREATE_ATTACHMENTS', 'DELETE_ALL_ATTACHMENTS', 'DELETE_OWN_ATTACHMENTS', 'WORKLOG_EDIT_OWN',
  'WORKLOG_EDIT_ALL', 'WORKLOG_DELETE_OWN', 'WORKLOG_DELETE_ALL',
] as const;

export type GlobalPermission = (typeof GLOBAL_PERMISSIONS)[number];
export type ProjectPermission = (typeof PROJECT_PERMISSIONS)[number];

/** Display metadata Jira returns alongside `havePermission` in `mypermissions`. */
export const PERMISSION_INFO: Record<GlobalPermission | ProjectPermission, { id: string; name: string; description: string }> = {
  ADMINISTER: { id: '0', name: 'Administer Jira', description: 'Create and administer projects, issue types, fields, workflows, and schemes for all projects. Users with this permission can perform most administration tasks, except: managing users, importing data, and editing system email settings.' },
  SYSTEM_ADMIN: { id: '44', name: 'Jira System Administrators', description: 'Ability to perform all administration functions.' },
  USER_PICKER: { id: '27', name: 'Browse users and groups', description: 'View and select users or groups from the user picker, and share issues.' },
  CREATE_SHARED_OBJECTS: { id: '22', name: 'Share dashboards and filters', description: 'Share dashboards and filters with other users.' },
  BULK_CHANGE: { id: '33', name: 'Make bulk changes', description: 'Modify collections of issues at once.' },
  MANAGE_GROUP_FILTER_SUBSCRIPTIONS: { id: '24', name: 'Manage group filter subscriptions', description: 'Create and delete group filter subscriptions.' },
  ADMINISTER_PROJECTS: { id: '23', name: 'Administer Projects', description: 'Ability to administer a project in Jira.' },
  BROWSE_PROJECTS: { id: '10', name: 'Browse Projects', description: 'Ability to browse projects and the issues within them.' },
  CREATE_ISSUES: { id: '11', name: 'Create Issues', description: 'Ability to create issues.' },
  EDIT_ISSUES: { id: '12', name: 'Edit Issues', description: 'Ability to edit issues.' },
  TRANSITION_ISSUES: { id: '46', name: 'Transition Issues', description: 'Ability to transition issues.' },
  ASSIGN_ISSUES: { id: '13', name: 'Assign Issues', description: 'Ability to assign issues to other people.' },
  ASSIGNABLE_USER: { id: '17', name: 'Assignable User', description: 'Users with this permission may be assigned to issues.' },
  RESOLVE_ISSUES: { id: '14', name: 'Resolve Issues', description: 'Ability to resolve and reopen issues.' },
  CLOSE_ISSUES: { id: '18', name: 'Close Issues', description: 'Ability to close issues.' },
  SCHEDULE_ISSUES: { id: '28', name: 'Schedule Issues', description: 'Ability to view or edit an issue\'s due date.' },
  LINK_ISSUES: { id: '21', name: 'Link Issues', description: 'Ability to link issues together and create linked issues.' },
  MOVE_ISSUES: { id: '25', name: 'Move Issues', description: 'Ability to move issues between projects or between workflows of the same project.' },
  DELETE_ISSUES: { id: '16', name: 'Delete Issues', description: 'Ability to delete issues.' },
  WORK_ON_ISSUES: { id: '20', name: 'Work On Issues', description: 'Ability to log work done against an issue.' },
  ADD_COMMENTS: { id: '15', name: 'Add Comments', description: 'Ability to comment on issues.' },
  EDIT_ALL_COMMENTS: { id: '34', name: 'Edit All Comments', description: 'Ability to edit all comments made on issues.' },
  EDIT_OWN_COMMENTS: { id: '35', name: 'Edit Own Comments', description: 'Ability to edit own comments made on issues.' },
  DELETE_ALL_COMMENTS: { id: '36', name: 'Delete All Comments', description: 'Ability to delete all comments made on issues.' },
  DELETE_OWN_COMMENTS: { id: '37', name: 'Delete Own Comments', description: 'Ability to delete own comments made on issues.' },
  VIEW_DEV_TOOLS: { id: '29', name: 'View Development Tools', description: 'Allows users to view development-related information on the issue.' },
  CREATE_ATTACHMENTS: { id: '19', name: 'Create Attachments', description: 'Users with this permission may create attachments.' },
  DELETE_ALL_ATTACHMENTS: { id: '38', name: 'Delete All Attachments', description: 'Users with this permission may delete all attachments.' },
  DELETE_OWN_ATTACHMENTS: { id: '39', name: 'Delete Own Attachments', description: 'Users with this permission may delete own attachments.' },
  WORKLOG_EDIT_OWN: { id: '40', name: 'Edit Own Worklogs', description: 'Ability to edit own worklogs made on issues.' },
  WORKLOG_EDIT_ALL: { id: '41', name: 'Edit All Worklogs', description: 'Ability to edit all worklogs made on issues.' },
  WORKLOG_DELETE_OWN: { id: '42', name: 'Delete Own Worklogs', description: 'Ability to delete own worklogs made on issues.' },
  WORKLOG_DELETE_ALL: { id: '43', name: 'Delete All Worklogs', description: 'Ability to delete all worklogs made on issues.' },
};

export function isGlobalPermission(key: string): key is GlobalPermission {
  return (GLOBAL_PERMISSIONS as readonly string[]).includes(key);
}
export function isProjectPermission(key: string): key is ProjectPermission {
  return (PROJECT_PERMISSIONS as readonly string[]).includes(key);
}

/** The caller of a REST call or simulator operation. */
export type Caller = { kind: 'app' } | { kind: 'user'; user: StoredUser | undefined };

const MEMBER: readonly ProjectPermission[] = [
  'BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES', 'TRANSITION_ISSUES', 'ASSIGN_ISSUES', 'ASSIGNABLE_USER', 'RESOLVE_ISSUES',
  'CLOSE_ISSUES', 'SCHEDULE_ISSUES', 'LINK_ISSUES', 'WORK_ON_ISSUES', 'ADD_COMMENTS', 'EDIT_OWN_COMMENTS', 'DELETE_OWN_COMMENTS',
  'VIEW_DEV_TOOLS', 'CREATE_ATTACHMENTS', 'DELETE_OWN_ATTACHMENTS', 'WORKLOG_EDIT_OWN', 'WORKLOG_DELETE_OWN',
];
const SERVICE_ACCOUNT: readonly ProjectPermission[] = ['BROWSE_PROJECTS', 'ADD_COMMENTS', 'EDIT_OWN_COMMENTS', 'DELETE_OWN_COMMENTS'];

export function hasGlobalPermission(caller: Caller, permission: GlobalPermission): boolean {
  if (caller.kind === 'app') return permission !== 'SYSTEM_ADMIN';
  const user = caller.user;
  if (!user) return false;
  if (user.siteAdmin) return true;
  // Every licensed user can pick users and share filters; service accounts cannot share.
  if (permission === 'USER_PICKER') return true;
  if (permission === 'CREATE_SHARED_OBJECTS') return !user.serviceAccount;
  return false;
}

export function hasProjectPermission(caller: Caller, project: StoredProject, permission: ProjectPermission): boolean {
  // Apps act with the scopes the admin granted: read/write access to every project, never project admin.
  if (caller.kind === 'app') return permission !== 'ADMINISTER_PROJECTS';
  const user = caller.user;
  if (!user) return false;
  if (user.siteAdmin || user.projectAdminOf.includes(project.key)) return true;
  if (user.serviceAccount) return (user.browseOnly ?? []).includes(project.key) && SERVICE_ACCOUNT.includes(permission);
  if (project.restricted) return false;
  return MEMBER.includes(permission);
}

export function canBrowse(caller: Caller, project: StoredProject): boolean {
  return hasProjectPermission(caller, project, 'BROWSE_PROJECTS');
}

export function resolveCaller(state: SiteState, as: { kind: 'app' } | { kind: 'user'; accountId: string }): Caller {
  if (as.kind === 'app') return { kind: 'app' };
  return { kind: 'user', user: state.users.find((u) => u.accountId === as.accountId) };
}
