// Handlers under the names manifest.yml uses. Nothing else belongs here.
export { onIssueEvent } from './forge/on-issue-event';
export { adminResolver } from './forge/admin-resolver';
export { projectResolver } from './forge/project-resolver';
