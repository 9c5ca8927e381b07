import { view } from '@forge/bridge';
// Already in the bundle through Atlaskit's app provider, so the fallback below costs nothing extra.
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';

/** Any token the theme CSS defines; empty means no theme stylesheet reached this iframe. */
const PROBE = '--ds-surface';

function tokensLoaded(): boolean {
  return getComputedStyle(document.documentElement).getPropertyValue(PROBE).trim() !== '';
}

/** The mode the host asked for (it sets `data-color-mode`), else the browser's preference. */
function hostColorMode(): 'light' | 'dark' | 'auto' {
  const mode = document.documentElement.getAttribute('data-color-mode');
  return mode === 'light' || mode === 'dark' ? mode : 'auto';
}

/**
 * Lets Jira apply its light or dark theme (design tokens) to this iframe: Jira injects the token CSS
 * and sets the colour mode once theming is enabled. A host that rejects the call, or accepts it
 * without injecting the tokens, would leave every colour at its light fallback, so then the app
 * loads the tokens itself (the theme CSS is a lazily loaded chunk).
 */
export async function enableTheme(): Promise<void> {
  try {
    await view.theme.enable();
  } catch (err) {
    console.warn('Jira theming unavailable; using the browser colour scheme', err);
  }
  // The host may inject its stylesheet just after answering; give it a moment before stepping in.
  // (A timer, not requestAnimationFrame: a frame never comes in a background tab.)
  await new Promise((resolve) => setTimeout(resolve, 50));
  if (!tokensLoaded()) await setGlobalTheme({ colorMode: hostColorMode() });
}
