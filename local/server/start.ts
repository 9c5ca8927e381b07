/**
 * `npm start`: the local platform on PORT (default 8787), state in DATA_DIR (default .data).
 * Env: TIME_SCALE, LISTENER_URL, LISTENER_TOKEN, LISTENER_RATE. Never prints a token.
 */
import { resolve } from 'node:path';
import { SeedRefusedError } from './seed-connection';
import { startLocalPlatform } from './start-local-platform';

function numberEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return n;
}

async function main(): Promise<void> {
  const repo = resolve(__dirname, '..', '..');
  const listenerUrl = process.env.LISTENER_URL || undefined;
  const rate = numberEnv('LISTENER_RATE');
  const platform = await startLocalPlatform({
    port: numberEnv('PORT') ?? 8787,
    dataDir: resolve(repo, process.env.DATA_DIR || '.data'),
    timeScale: numberEnv('TIME_SCALE'),
    appRoot: repo,
    listener: listenerUrl || process.env.LISTENER_TOKEN || rate !== undefined
      ? { url: listenerUrl ?? '', token: process.env.LISTENER_TOKEN ?? '', ...(rate !== undefined ? { rate } : {}) }
      : undefined,
  });

  const { site, seed, sampleListener } = platform;
  const say = (line: string) => void process.stdout.write(`${line}\n`);
  say('');
  say(`Agent Studio Relay local platform: ${platform.url}`);
  say(`  site ${site.baseUrl} (${site.seeded ? 'seeded now' : 'loaded'} from ${site.file})`);
  say(`  projects: ${site.projects().map((p) => `${p.key} "${p.name}"`).join(', ')}`);
  for (const u of site.users()) {
    const roles = [u.siteAdmin ? 'Jira admin' : '', u.projectAdminOf.length ? `project admin of ${u.projectAdminOf.join(', ')}` : '', u.serviceAccount ? 'service account' : ''].filter(Boolean);
    say(`  user: ${u.displayName} (${u.accountId})${roles.length ? ` - ${roles.join(', ')}` : ''}`);
  }
  say(`  sample listener: ${sampleListener.url(platform.url)} (token in ${resolve(process.env.DATA_DIR || '.data')}/sample-listener.json)`);
  if (seed.action === 'failed') say(`  first connection: NOT seeded (${seed.message})`);
  else say(`  first connection: ${seed.action} "${seed.connection.name}" -> ${seed.connection.url} (token ${seed.connection.token.set ? 'set' : 'not set'})`);
  say('');

  const stop = (): void => {
    platform.close().then(
      () => process.exit(0),
      (err: unknown) => {
        say(`shutdown failed: ${String(err)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  // A refusal is a configuration problem: its message says what to set, a stack would only hide it.
  const detail = err instanceof SeedRefusedError ? err.message : err instanceof Error ? err.stack ?? err.message : String(err);
  process.stderr.write(`local platform failed to start: ${detail}\n`);
  process.exit(1);
});
