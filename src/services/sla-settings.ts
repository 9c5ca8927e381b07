import { wantsEvent } from '../core/connection';
import type { SlaOverview, SlaSettings } from '../shared/contract';
import { SLA_EVENT_KINDS } from '../shared/events';
import type { ConfigCache } from './config-cache';
import type { ConfigStore, JiraClient, Logger, SlaScanStore } from './ports';

interface SlaSettingsDeps {
  configStore: ConfigStore;
  cache: ConfigCache;
  jira: JiraClient;
  slaScans: SlaScanStore;
  logger: Logger;
}

/** The SLA scan as the admin page shows it: settings, the site's SLAs, who receives the events, the last scan. */
export async function slaOverview(deps: SlaSettingsDeps): Promise<SlaOverview> {
  const [config, fields, state] = await Promise.all([deps.configStore.load(), siteSlaFields(deps), deps.slaScans.load()]);
  return {
    settings: config.sla,
    fields,
    subscribers: config.connections.filter((c) => c.enabled && wantsEvent(c, SLA_EVENT_KINDS)).map((c) => c.name),
    lastScan: state.lastScan,
  };
}

export async function saveSlaSettings(deps: SlaSettingsDeps, settings: SlaSettings): Promise<SlaOverview> {
  await deps.configStore.update((config) => ({ config: { ...config, sla: settings }, result: undefined }));
  deps.cache.invalidate();
  return slaOverview(deps);
}

/** A site without Service Management has no SLA fields; a Jira error here must not break the page. */
async function siteSlaFields(deps: SlaSettingsDeps): Promise<SlaOverview['fields']> {
  try {
    return await deps.jira.slaFields();
  } catch (error) {
    deps.logger.warn('SLA fields not listed', { error: error instanceof Error ? error.message : String(error) });
    return [];
  }
}
