// Handlers under the names manifest.yml uses. Nothing else belongs here.
export { onIssueEvent } from './forge/on-issue-event';
export { onDeliveryRetry } from './forge/on-delivery-retry';
export { onBreakerProbe } from './forge/on-breaker-probe';
export { onSlaScan } from './forge/on-sla-scan';
export { adminResolver } from './forge/admin-resolver';
export { projectResolver } from './forge/project-resolver';
