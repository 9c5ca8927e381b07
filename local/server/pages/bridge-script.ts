/**
 * The `window.__bridge` injected ahead of the Custom UI's scripts. It answers every command
 * @forge/bridge 7.2.0 sends (see node_modules/@forge/bridge/out): `invoke` goes to /api/invoke as the
 * selected user, `getContext` returns the page's context, the rest are answered the way a page that
 * does not use them expects. `enableTheming` (`view.theme.enable()`) does what Jira does: it loads the
 * design token CSS as `<style data-theme="…">` elements, sets `data-theme` and `data-color-mode` on
 * `<html>`, and keeps them in step when the shell's theme changes.
 */
import type { ColorMode, TokenThemeId } from '../theme/token-css';
export interface BridgeConfig {
  moduleKey: string;
  accountId: string;
  cloudId: string;
  siteUrl: string;
  extension: Record<string, unknown>;
  colorMode: ColorMode;
  /** The `data-theme` value for `<html>`. */
  dataTheme: string;
  /** The token themes each colour mode needs, and where to fetch them (`<path><id>.css`). */
  themes: Record<ColorMode, TokenThemeId[]>;
  tokensPath: string;
  surfaceColors: Record<ColorMode, string>;
}

export function bridgeScript(config: BridgeConfig): string {
  // JSON inside <script>: escape "<" so a value can never close the tag.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<script>
(function () {
  var cfg = ${json};
  var listeners = {};
  function post(url, body) {
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, status: r.status, json: j }; }); });
  }
  function notifyParent(type, data) {
    try { window.parent.postMessage({ source: 'relay-local-bridge', type: type, data: data }, window.location.origin); } catch (e) {}
  }
  var context = {
    accountId: cfg.accountId, cloudId: cfg.cloudId, siteUrl: cfg.siteUrl, localId: cfg.moduleKey + '-local',
    moduleKey: cfg.moduleKey, environmentId: 'local', environmentType: 'DEVELOPMENT', extension: cfg.extension,
    locale: 'en-US', timezone: Intl.DateTimeFormat().resolvedOptions().timeZone, theme: { colorMode: cfg.colorMode },
    license: undefined, surfaceColor: cfg.surfaceColors[cfg.colorMode]
  };
  var colorMode = cfg.colorMode, themingEnabled = false;
  function loadTheme(id) {
    if (document.head.querySelector('style[data-theme="' + id + '"]')) return Promise.resolve();
    return fetch(cfg.tokensPath + id + '.css').then(function (r) {
      if (!r.ok) throw new Error('Could not load the "' + id + '" design tokens (HTTP ' + r.status + ')');
      return r.text();
    }).then(function (css) {
      if (document.head.querySelector('style[data-theme="' + id + '"]')) return;
      var style = document.createElement('style');
      style.textContent = css;
      style.dataset.theme = id;
      document.head.appendChild(style);
    });
  }
  // Attributes after the CSS, so the page never shows a colour mode whose tokens are missing.
  function applyTheme() {
    return Promise.all(cfg.themes[colorMode].map(loadTheme)).then(function () {
      document.documentElement.setAttribute('data-theme', cfg.dataTheme);
      document.documentElement.setAttribute('data-color-mode', colorMode);
    });
  }
  // The shell tells the frame when the user switches theme, as Jira does for an open app.
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (e.origin !== window.location.origin || e.source !== window.parent || !d || d.source !== 'relay-local-shell' || d.type !== 'theme') return;
    if (d.colorMode !== 'light' && d.colorMode !== 'dark') return;
    colorMode = d.colorMode;
    context.theme = { colorMode: colorMode };
    context.surfaceColor = cfg.surfaceColors[colorMode];
    try { var u = new URL(window.location.href); u.searchParams.set('theme', colorMode); history.replaceState(history.state, '', u.toString()); } catch (err) {}
    if (themingEnabled) applyTheme().catch(function (err) { console.error(err); });
  });
  var handlers = {
    invoke: function (p) {
      return post('/api/invoke', { moduleKey: cfg.moduleKey, functionKey: p.functionKey, payload: p.payload, accountId: cfg.accountId, extension: cfg.extension })
        .then(function (r) {
          if (!r.ok) throw new Error((r.json && r.json.error) || ('invoke failed with HTTP ' + r.status));
          return p.metadata ? { body: r.json, metadata: {} } : r.json;
        });
    },
    getContext: function () { return Promise.resolve(JSON.parse(JSON.stringify(context))); },
    enableTheming: function () { themingEnabled = true; return applyTheme(); },
    fetchProduct: function (p) {
      // requestJira from the page runs as the viewing user, never as the app.
      var init = p.fetchRequestInit || {};
      var headers = {};
      (init.headers || []).forEach(function (h) { headers[h[0]] = h[1]; });
      return post('/api/site/rest', { accountId: cfg.accountId, path: p.restPath, method: init.method || 'GET', headers: headers, body: typeof init.body === 'string' ? init.body : undefined })
        .then(function (r) { return { body: r.json.body || '', headers: r.json.headers || {}, status: r.json.status, statusText: '', isAttachment: false }; });
    },
    changeWindowTitle: function (p) { document.title = (p && p.title) || document.title; return Promise.resolve(); },
    showFlag: function (p) { notifyParent('flag', p); return Promise.resolve({ id: (p && p.id) || String(Date.now()) }); },
    closeFlag: function () { return Promise.resolve(); },
    on: function (p) { (listeners[p.event] = listeners[p.event] || []).push(p.callback); return Promise.resolve(); },
    emit: function (p) { (listeners[p.event] || []).forEach(function (cb) { try { cb(p.payload); } catch (e) {} }); return Promise.resolve(); },
    emitPublic: function () { return Promise.resolve(); },
    onPublic: function () { return Promise.resolve(); },
    emitReadyEvent: function () { return Promise.resolve(); },
    initFeatureFlags: function () { return Promise.resolve(); },
    emitFrontendCustomMetric: function () { return Promise.resolve(); },
    getCookieConsentPreferences: function () { return Promise.resolve({ STRICTLY_NECESSARY: true }); },
    isRovoEnabled: function () { return Promise.resolve(false); },
    getFrameId: function () { return Promise.resolve(cfg.moduleKey + '-frame'); },
    getUrl: function () { return Promise.resolve(window.location.href); },
    refresh: function () { window.location.reload(); return Promise.resolve(); },
    reload: function () { window.location.reload(); return Promise.resolve(); },
    navigate: function (p) { notifyParent('navigate', p); return Promise.resolve(); },
    open: function (p) { if (p && p.url) window.open(p.url, '_blank', 'noopener'); return Promise.resolve(); },
    createHistory: function () { return Promise.resolve({ action: 'POP', location: { pathname: '/', search: '', hash: '', state: null, key: 'default' } }); }
  };
  window.__bridge = {
    callBridge: function (cmd, payload) {
      var h = handlers[cmd];
      if (!h) return Promise.reject(new Error('The local Forge bridge does not support "' + cmd + '"'));
      try { return Promise.resolve(h(payload || {})); } catch (e) { return Promise.reject(e); }
    }
  };
})();
</script>`;
}
