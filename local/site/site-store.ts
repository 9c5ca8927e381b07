/**
 * Loads and saves the site state as `<dataDir>/site.json`. Writes go to a temp file renamed over the
 * old one, so a crash mid-write never leaves a truncated file behind; writes are serialised so two
 * quick mutations cannot interleave their renames.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seedSiteState } from './seed';
import { siteStateSchema, type SiteState } from './site-state';

export interface SiteStore {
  readonly file: string;
  load(): Promise<{ state: SiteState; seeded: boolean }>;
  save(state: SiteState): Promise<void>;
}

export function createSiteStore(dataDir: string): SiteStore {
  const file = join(dataDir, 'site.json');
  let chain: Promise<void> = Promise.resolve();
  let seq = 0;

  async function writeAtomic(state: SiteState): Promise<void> {
    await mkdir(dataDir, { recursive: true });
    const tmp = `${file}.${process.pid}.${++seq}.tmp`;
    await writeFile(tmp, JSON.stringify(state, null, 2));
    await rename(tmp, file);
  }

  return {
    file,
    async load() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        const state = seedSiteState();
        await writeAtomic(state);
        return { state, seeded: true };
      }
      const parsed = siteStateSchema.safeParse(JSON.parse(text));
      if (!parsed.success) throw new Error(`fake site: ${file} is not a valid site state: ${parsed.error.message}`);
      return { state: parsed.data, seeded: false };
    },
    save(state) {
      const snapshot = structuredClone(state);
      // A failed write must not poison every later save.
      chain = chain.catch(() => undefined).then(() => writeAtomic(snapshot));
      return chain;
    },
  };
}
