import { getAppContext, permissions } from '@forge/api';
import type { EgressPolicy } from '../services/ports';

/** Uses Forge's own matcher so a URL refused here is exactly one Forge's egress would refuse. */
export class ForgeEgressPolicy implements EgressPolicy {
  canFetch(url: string): boolean {
    return permissions.canFetchFrom('backend', url);
  }

  allowedHosts(): string[] {
    const backend = getAppContext().permissions?.external?.fetch?.backend ?? [];
    return backend.map((entry) => (typeof entry === 'string' ? entry : 'address' in entry ? entry.address : String(entry.remote)));
  }
}
