import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureEvent, startTestPlatform } from '../support/platform';

describe('the trigger when it cannot read its configuration', () => {
  it('asks Forge to retry the event instead of dropping it, and logs no stack trace', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'relay-broken-'));
    const first = await startTestPlatform({ dataDir });
    await first.close();

    // Corrupt the stored configuration the way a bad migration would.
    const file = join(dataDir, 'kvs-values.json');
    const values = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { value: unknown }>;
    values['config:relay'].value = { version: 1, connections: [{ id: 'x' }], optIns: {} };
    writeFileSync(file, JSON.stringify(values));

    const platform = await startTestPlatform({ dataDir });
    try {
      const reports = await platform.fireEventWithReports(fixtureEvent('issue-created'));
      expect(reports).toEqual([expect.objectContaining({ outcome: 'retry-scheduled', retryCount: 0 })]);
      expect(platform.logs.join('\n')).toMatch(/Forge will retry it/);
      expect(platform.logs.join('\n')).not.toMatch(/\n\s+at /);
    } finally {
      await platform.close();
    }
  });
});
