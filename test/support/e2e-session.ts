import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startLoopbackListener, type LoopbackListener, type ReceivedRequest, type Reply } from './loopback-listener';
import { startTestPlatform, type TestPlatform } from './platform';

/** What an e2e test file works with: the local platform, an optional loopback listener and a Chromium page. */
export interface E2eSession {
  readonly platform: TestPlatform;
  /** Throws unless the session was asked for a listener. */
  readonly listener: LoopbackListener;
  readonly browser: BrowserContext;
  readonly page: Page;
  /** The page's uncaught errors (`pageerror`), in order. */
  readonly errors: string[];
  /** The Jira admin's account id. */
  readonly admin: () => string;
}

export interface E2eSessionOptions {
  /** Starts a loopback listener too: `true` for its default reply, or the reply to give each request. */
  listener?: boolean | ((request: ReceivedRequest, index: number) => Reply);
  /** The platform's clock speed-up (`startTestPlatform`'s `timeScale`). */
  timeScale?: number;
}

/**
 * Registers the `beforeAll`/`afterAll` of an e2e describe block: starts the platform (and the listener
 * when asked), launches Chromium with one page that records its errors, and closes it all afterwards.
 * Call it at the top of the describe; its getters read the values once `beforeAll` has run.
 */
export function useE2eSession(options: E2eSessionOptions = {}): E2eSession {
  let platform: TestPlatform | undefined;
  let listener: LoopbackListener | undefined;
  let browser: BrowserContext | undefined;
  let page: Page | undefined;
  const errors: string[] = [];

  beforeAll(async () => {
    const startPlatform = () => startTestPlatform(options.timeScale === undefined ? {} : { timeScale: options.timeScale });
    if (options.listener) {
      const reply = typeof options.listener === 'function' ? options.listener : undefined;
      [platform, listener] = await Promise.all([startPlatform(), startLoopbackListener(reply)]);
    } else {
      platform = await startPlatform();
    }
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await listener?.close();
    await platform?.close();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The e2e session's ${what} is not started yet (read it inside a test or a later beforeAll)`);
    return value;
  };

  return {
    get platform() {
      return started(platform, 'platform');
    },
    get listener() {
      if (!options.listener) throw new Error('This e2e session has no loopback listener: pass useE2eSession({ listener: true })');
      return started(listener, 'listener');
    },
    get browser() {
      return started(browser, 'browser');
    },
    get page() {
      return started(page, 'page');
    },
    errors,
    admin: () => started(platform, 'platform').users.admin.accountId,
  };
}
