import { view } from '@forge/bridge';
// Already in the bundle through Atlaskit's app provider, so the fallback below costs nothing extra.
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';

/**
 * Lets Jira apply its light or dark theme (design tokens) to this iframe.
 * Jira injects the token CSS and sets the colour mode once theming is enabled.
 */
export async function enableTheme(): Promise<void> {
  try {
    await view.theme.enable();
  } catch (err) {
    // A host without theming support would leave every token unset, so load the tokens
    // ourselves, following the OS colour scheme (the theme CSS is a lazily loaded chunk).
    console.warn('Jira theming unavailable; using the browser colour scheme', err);
    await setGlobalTheme({ colorMode: 'auto' });
  }
}
