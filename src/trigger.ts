// The issue-event trigger's own entry point. Forge bundles each handler module separately, so the
// trigger, which runs on every Jira event, ships without the resolvers, the consumer and the full zod
// that src/index.ts pulls in (npm run bench: triggerBundleKb vs appBundleKb). Nothing else belongs here.
export { onIssueEvent } from './forge/on-issue-event';
