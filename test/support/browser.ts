import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (installed by .ci/run), driven by playwright-core: no browser download is possible here. */
export async function launchChromium(): Promise<BrowserContext> {
  // A fresh profile each run; playwright takes it as the persistent context's directory.
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'relay-chromium-')), {
    viewport: { width: 1400, height: 1000 },
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Screenshots go under test-output/ so a developer can look at what the tests saw. */
export const screenshotPath = (name: string): string => join(__dirname, '../../test-output/screenshots', `${name}.png`);
