/**
 * What Agent Studio's HTTP connector account needs in each project so its plugins can act on issues,
 * checked with POST /rest/api/3/permissions/check. Labels and fixes are what the admin page shows.
 */
export const REQUIRED_PERMISSIONS = [
  'BROWSE_PROJECTS',
  'CREATE_ISSUES',
  'EDIT_ISSUES',
  'TRANSITION_ISSUES',
  'ASSIGN_ISSUES',
  'ADD_COMMENTS',
  'DELETE_ISSUES',
  'ADMINISTER_PROJECTS',
] as const;

export type RequiredPermission = (typeof REQUIRED_PERMISSIONS)[number];

export const PERMISSION_LABELS: Record<RequiredPermission, string> = {
  BROWSE_PROJECTS: 'Browse projects',
  CREATE_ISSUES: 'Create issues',
  EDIT_ISSUES: 'Edit issues',
  TRANSITION_ISSUES: 'Transition issues',
  ASSIGN_ISSUES: 'Assign issues',
  ADD_COMMENTS: 'Add comments',
  DELETE_ISSUES: 'Delete issues',
  ADMINISTER_PROJECTS: 'Administer projects',
};

/** The fix the setup guide recommends, then the precise alternative. */
export function accessFix(projectName: string, missing: readonly RequiredPermission[]): string {
  if (missing.length === 0) return '';
  const grants = missing.map((key) => `“${PERMISSION_LABELS[key]}”`).join(', ');
  return `Add the account to the Administrators role of ${projectName} (Project settings → Access), or grant ${grants} to it in the project's permission scheme.`;
}
