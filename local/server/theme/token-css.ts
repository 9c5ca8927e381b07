/**
 * The Atlassian design token CSS Jira puts into a Custom UI iframe once the app calls
 * `view.theme.enable()`, read from @atlaskit/tokens' built theme artifacts
 * (`dist/cjs/artifacts/themes/atlassian-<theme>.js`, each a module whose default export is the CSS).
 * Read directly rather than through `getThemeStyles()`: that helper consults Atlassian's browser
 * feature-gate client, which logs an error with a stack trace when it runs in Node uninitialised.
 */
import { createRequire } from 'node:module';

export type ColorMode = 'light' | 'dark';

/** Theme ids a page may load, as @atlaskit/tokens names them (its `<style data-theme="…">` values). */
export const TOKEN_THEME_IDS = ['light', 'dark', 'spacing', 'typography', 'shape', 'motion'] as const;
export type TokenThemeId = (typeof TOKEN_THEME_IDS)[number];

/**
 * The `data-theme` Jira sets on the iframe's `<html>`; the same string @atlaskit/tokens 20.7's
 * `getThemeHtmlAttrs()` builds from its defaults. Every token rule is keyed on it.
 */
export const DATA_THEME = 'dark:dark light:light motion:motion shape:shape spacing:spacing typography:typography';

/** The themes a page in `colorMode` needs: its colours plus the mode-independent token sets. */
export function themesFor(colorMode: ColorMode): TokenThemeId[] {
  return [colorMode, 'spacing', 'typography', 'shape', 'motion'];
}

export function isTokenThemeId(value: string): value is TokenThemeId {
  return (TOKEN_THEME_IDS as readonly string[]).includes(value);
}

export function colorModeOf(value: string | undefined | null): ColorMode {
  return value === 'dark' ? 'dark' : 'light';
}

const requireFromHere = createRequire(__filename);
const cache = new Map<TokenThemeId, string>();

export function tokenThemeCss(id: TokenThemeId): string {
  const cached = cache.get(id);
  if (cached !== undefined) return cached;
  const mod: unknown = requireFromHere(`@atlaskit/tokens/dist/cjs/artifacts/themes/atlassian-${id}.js`);
  const css = typeof mod === 'object' && mod !== null && 'default' in mod ? mod.default : undefined;
  if (typeof css !== 'string' || !css.includes('--ds-')) throw new Error(`@atlaskit/tokens has no CSS for the "${id}" theme`);
  cache.set(id, css);
  return css;
}

/** The colour of `--ds-surface` in a theme: what Jira reports as the frame's `surfaceColor`. */
export function surfaceColor(colorMode: ColorMode): string {
  return /--ds-surface:\s*(#[0-9A-Fa-f]{3,8})/.exec(tokenThemeCss(colorMode))?.[1] ?? (colorMode === 'dark' ? '#1F1F21' : '#FFFFFF');
}
