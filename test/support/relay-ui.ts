import { dirname, join } from 'node:path';
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { screenshotPath } from './browser';

/** Helpers for driving the app's pages inside the local platform's Jira-like shell. */
export type View = 'admin' | 'project' | 'simulator' | 'inbox';

const AXE_PATH = join(dirname(require.resolve('axe-core')), 'axe.min.js');

export function appFrame(page: Page): FrameLocator {
  return page.frameLocator('#frame');
}

/**
 * Opens a view in the shell as the given user (and project, for the project settings page). A fresh
 * page load each time, so every step starts from the server's state, not a previous step's UI.
 */
export async function openView(page: Page, baseUrl: string, view: View, accountId: string, project?: string): Promise<FrameLocator> {
  if (!page.url().startsWith(baseUrl)) await page.goto(`${baseUrl}/`);
  // The shell restores the user, project and theme from localStorage on load.
  await page.evaluate(
    ({ as, p }) => {
      localStorage.setItem('relay.viewAs', as);
      if (p) localStorage.setItem('relay.project', p);
      localStorage.setItem('relay.theme', 'light');
    },
    { as: accountId, p: project },
  );
  await page.goto(`${baseUrl}/?load=${Date.now()}#${view}`);
  return appFrame(page);
}

/** Polls a locator's text until it matches; the message shows what the user saw instead. */
export async function expectText(locator: Locator, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = (await locator.first().innerText({ timeout: 1_000 }).catch(() => '')) ?? '';
    if (pattern.test(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Expected ${String(pattern)} but the element shows: ${text.slice(0, 800)}`);
}

function pageFrame(page: Page): Frame {
  const frame = page.frames().find((f) => /\/app\//.test(f.url()));
  if (!frame) throw new Error('The app frame is not open');
  return frame;
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core inside the app's frame and returns the serious and critical violations, on the whole
 * document or only inside `within` (a CSS selector, e.g. one section).
 */
export async function axeViolations(page: Page, within?: string): Promise<AxeViolation[]> {
  const frame = pageFrame(page);
  // A dialog fading in has translucent text: wait for entry animations, or contrast is misjudged.
  // (A cancelled animation rejects `finished`; that one is over too.)
  await frame.evaluate(() => Promise.race([Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))), new Promise((r) => setTimeout(r, 2_000))]));
  const loaded = await frame.evaluate(() => 'axe' in window);
  if (!loaded) await frame.addScriptTag({ path: AXE_PATH });
  return frame.evaluate(async (selector) => {
    interface AxeResult {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    }
    const axe = (window as unknown as { axe: { run: (ctx: Document | { include: string[][] }, opts: object) => Promise<AxeResult> } }).axe;
    const result = await axe.run(selector ? { include: [[selector]] } : document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  }, within);
}

/**
 * Picks an option in an Atlaskit (react-select) picker: types `query` into the input with id `inputId`
 * and clicks the option whose accessible name matches `option`.
 */
export async function pickOption(app: FrameLocator, inputId: string, query: string, option: RegExp): Promise<void> {
  await app.locator(`#${inputId}`).fill(query);
  await app.getByRole('option', { name: option }).first().click({ timeout: 10_000 });
}

/** Switches the shell's theme (it tells the open frame, as Jira does) and waits until the frame shows it. */
export async function setTheme(page: Page, mode: 'light' | 'dark'): Promise<void> {
  await page.selectOption('#theme', mode);
  const frame = pageFrame(page);
  await frame.waitForFunction((m) => document.documentElement.getAttribute('data-color-mode') === m, mode, { timeout: 10_000 });
  // Let transitions (toggle, buttons) settle before the picture.
  await page.waitForTimeout(250);
}

/** Screenshots the page as it is now in light and in dark theme: `<name>-light.png`, `<name>-dark.png`. */
export async function screenshotBothThemes(page: Page, name: string): Promise<void> {
  for (const mode of ['light', 'dark'] as const) {
    await setTheme(page, mode);
    await page.screenshot({ path: screenshotPath(`${name}-${mode}`), fullPage: true });
  }
  await setTheme(page, 'light');
}

/** The frame's own background colour: proves the dark theme reached the app, not only the shell. */
export async function frameBackground(page: Page): Promise<string> {
  return pageFrame(page).evaluate(() => getComputedStyle(document.querySelector('main') ?? document.body).backgroundColor);
}

/**
 * Clicks the delivery log's Refresh until `locator` shows `pattern`: for effects the relay applies in the
 * background (queued redeliveries), which the page only shows after a reload of the log.
 */
export async function refreshDeliveriesUntil(app: FrameLocator, locator: Locator, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = (await locator.first().innerText({ timeout: 1_000 }).catch(() => '')) ?? '';
    if (pattern.test(text)) return text;
    await app.getByTestId('refresh-deliveries').click();
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`Expected ${String(pattern)} after refreshing the delivery log, but the element shows: ${text.slice(0, 800)}`);
}

/** The app frame's whole HTML, to prove something (a secret shown once) is no longer anywhere in the page. */
export async function frameHtml(page: Page): Promise<string> {
  return pageFrame(page).content();
}

/** Opens a tab of the connection dialog ("Details", "Payload", "Conditions") and waits for its panel. */
export async function openConnectionTab(app: FrameLocator, tab: 'details' | 'payload' | 'conditions'): Promise<void> {
  await app.getByTestId(`connection-tab-${tab}`).click();
  if (tab !== 'details') await app.getByTestId(`connection-${tab}-panel`).waitFor();
}
