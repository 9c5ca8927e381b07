import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { SlaScanState, SlaScanStore } from '../services/ports';

/** One key, read and written once per scan: the SLA events already sent and how the last scan went. */
const SLA_SCAN_KEY = 'sla-scan:state';

const stateSchema = z.object({
  sent: z.record(z.string(), z.number()).default({}),
  lastScan: z
    .object({ at: z.string(), slas: z.number(), issues: z.number(), sent: z.number(), error: z.string().optional() })
    .optional(),
});

export class KvsSlaScanStore implements SlaScanStore {
  async load(): Promise<SlaScanState> {
    const parsed = stateSchema.safeParse((await kvs.get<unknown>(SLA_SCAN_KEY)) ?? {});
    // Forgetting what was sent costs at most one repeated event per SLA cycle (same webhook-id): better than stopping.
    return parsed.success ? parsed.data : { sent: {} };
  }

  async save(state: SlaScanState): Promise<void> {
    await kvs.set(SLA_SCAN_KEY, state);
  }
}
