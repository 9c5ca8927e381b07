/**
 * Shared look of the dev-tool pages (shell, simulator, inbox): system fonts and Atlassian design
 * tokens, so they follow the light or dark theme the way Jira's own chrome does. Each colour names its
 * `--ds-*` token with the light value as fallback.
 */
import { TOKEN_THEME_IDS, DATA_THEME, type ColorMode } from '../theme/token-css';
import { TOKENS_PATH } from '../theme/token-routes';

export const BASE_CSS = `
:root { --blue:var(--ds-background-brand-bold, #0C66E4); --blue-d:var(--ds-background-brand-bold-hovered, #0055CC); --link:var(--ds-link, #0C66E4);
  --text:var(--ds-text, #172B4D); --sub:var(--ds-text-subtlest, #626F86); --line:var(--ds-border, #DCDFE4); --bg:var(--ds-surface-sunken, #F7F8F9);
  --surface:var(--ds-surface, #FFFFFF); --raised:var(--ds-surface-raised, #FFFFFF);
  --ok:var(--ds-text-success, #1F845A); --err:var(--ds-text-danger, #C9372C); --warn:var(--ds-text-warning, #A54800); }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color:var(--text); background:var(--surface); }
a { color:var(--link); }
h1 { font-size:20px; margin:0 0 16px; font-weight:600; } h2 { font-size:16px; margin:20px 0 8px; font-weight:600; }
button { font:inherit; border:0; border-radius:3px; padding:6px 12px; background:var(--ds-background-neutral, #F1F2F4); color:var(--text); cursor:pointer; }
button:hover { background:var(--ds-background-neutral-hovered, #DCDFE4); }
button.primary { background:var(--blue); color:var(--ds-text-inverse, #FFFFFF); } button.primary:hover { background:var(--blue-d); }
button.danger { background:var(--ds-background-danger, #FFECEB); color:var(--err); } button.danger:hover { background:var(--ds-background-danger-hovered, #FFD5D2); }
input, select, textarea { font:inherit; color:var(--text); border:1px solid var(--ds-border-input, #8590A2); border-radius:3px; padding:6px 8px; background:var(--ds-background-input, #FFFFFF); }
input:focus, select:focus, textarea:focus { outline:none; border-color:var(--ds-border-focused, #388BFF); box-shadow:inset 0 0 0 1px var(--ds-border-focused, #388BFF); }
label { display:block; font-size:12px; font-weight:600; color:var(--sub); margin:8px 0 4px; }
pre { background:var(--bg); border:1px solid var(--line); border-radius:3px; padding:10px; overflow:auto; font:12px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; margin:6px 0; }
.muted { color:var(--sub); }
.lozenge { display:inline-block; font-size:11px; font-weight:700; text-transform:uppercase; padding:0 4px; border-radius:3px; background:var(--ds-background-neutral, #DFE1E6); color:var(--ds-text-subtle, #44546F); }
.lozenge.ok { background:var(--ds-background-success, #DCFFF1); color:var(--ds-text-success, #216E4E); }
.lozenge.err { background:var(--ds-background-danger, #FFECEB); color:var(--ds-text-danger, #AE2E24); }
.lozenge.warn { background:var(--ds-background-warning, #FFF7D6); color:var(--ds-text-warning, #A54800); }
.card { border:1px solid var(--line); border-radius:4px; padding:12px 14px; margin:10px 0; background:var(--raised); }
`;

/** `<html>` attributes for a page in `colorMode`: the same ones Jira sets on a themed app frame. */
export function htmlThemeAttrs(colorMode: ColorMode): string {
  return `data-theme="${DATA_THEME}" data-color-mode="${colorMode}"`;
}

/** Links every token theme, both colour modes included, so switching theme needs no reload. */
export function tokenLinks(): string {
  return TOKEN_THEME_IDS.map((id) => `<link rel="stylesheet" href="${TOKENS_PATH}${id}.css" data-theme="${id}">`).join('\n');
}

/** Lets a framed dev-tool page follow the shell's theme switch without reloading. */
export const FOLLOW_SHELL_THEME = `<script>
window.addEventListener('message', function (e) {
  var d = e.data;
  if (e.origin !== location.origin || e.source !== window.parent || !d || d.source !== 'relay-local-shell' || d.type !== 'theme') return;
  if (d.colorMode === 'light' || d.colorMode === 'dark') document.documentElement.setAttribute('data-color-mode', d.colorMode);
});
</script>`;
