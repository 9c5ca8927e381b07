// Handlers under the names manifest.yml uses. Nothing else belongs here. The trigger has its own entry
// point (src/trigger.ts) so that its bundle stays small.
export { onDeliveryRetry } from './forge/on-delivery-retry';
export { onBreakerProbe } from './forge/on-breaker-probe';
export { onSlaScan } from './forge/on-sla-scan';
export { adminResolver } from './forge/admin-resolver';
export { projectResolver } from './forge/project-resolver';
