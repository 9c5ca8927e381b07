/**
 * `/`: a Jira-like shell around the app's pages, the simulator and the listener inbox. The "View as"
 * user and the Light/Dark theme are kept in localStorage and passed to every framed page as
 * `as=<accountId>` and `theme=light|dark`; a theme switch is also posted to the open frame, which
 * follows it without reloading, as an app open in Jira does.
 */
import { BASE_CSS, htmlThemeAttrs, tokenLinks } from './layout';

export function shellPage(): string {
  return `<!doctype html>
<html lang="en" ${htmlThemeAttrs('light')}><head><meta charset="utf-8"><title>Agent Studio Relay · local Jira</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
${tokenLinks()}
<script>
// Before first paint, so a dark shell never flashes light.
try { if (localStorage.getItem('relay.theme') === 'dark') document.documentElement.setAttribute('data-color-mode', 'dark'); } catch (e) {}
</script>
<style>${BASE_CSS}
html, body { height:100%; }
body { display:grid; grid-template-rows:56px 1fr; grid-template-columns:240px 1fr; }
header { grid-column:1 / 3; display:flex; align-items:center; gap:16px; padding:0 16px; border-bottom:1px solid var(--line); background:var(--surface); }
.logo { display:flex; align-items:center; gap:8px; font-weight:600; }
.logo span.mark { width:24px; height:24px; border-radius:4px; background:var(--blue); color:var(--ds-text-inverse, #FFFFFF); display:grid; place-items:center; font-size:13px; }
.site { color:var(--sub); font-size:12px; }
.viewas { margin-left:auto; display:flex; align-items:center; gap:8px; } .viewas label { margin:0; }
.theme { display:flex; align-items:center; gap:8px; } .theme label { margin:0; }
nav { border-right:1px solid var(--line); background:var(--bg); padding:12px 8px; overflow:auto; }
nav .group { font-size:11px; font-weight:700; color:var(--sub); text-transform:uppercase; margin:16px 8px 6px; }
nav a { display:block; padding:6px 8px; border-radius:3px; color:var(--text); text-decoration:none; cursor:pointer; }
nav a:hover { background:var(--ds-background-neutral-subtle-hovered, #E9EBEE); }
nav a.active { background:var(--ds-background-selected, #E9F2FF); color:var(--ds-text-selected, #0C66E4); font-weight:600; }
nav select { width:calc(100% - 16px); margin:4px 8px; }
main { position:relative; } iframe { border:0; width:100%; height:100%; display:block; }
#flag { position:fixed; right:16px; bottom:16px; max-width:360px; display:none; }
</style></head>
<body>
<header>
  <div class="logo"><span class="mark">J</span>Jira <span class="site" id="site"></span></div>
  <div class="viewas"><label for="as">View as</label><select id="as" aria-label="View as user"></select></div>
  <div class="theme"><label for="theme">Theme</label><select id="theme" aria-label="Theme"><option value="light">Light</option><option value="dark">Dark</option></select></div>
</header>
<nav aria-label="Navigation">
  <div class="group">Apps</div>
  <a data-view="admin" href="#admin">Agent Studio Relay</a>
  <div class="group">Project settings</div>
  <select id="project" aria-label="Project"></select>
  <a data-view="project" href="#project">Agent Studio Relay</a>
  <div class="group">Local platform</div>
  <a data-view="simulator" href="#simulator">Event simulator</a>
  <a data-view="inbox" href="#inbox">Sample listener inbox</a>
</nav>
<main><iframe id="frame" title="Page"></iframe></main>
<div id="flag" class="card"></div>
<script>
(function () {
  var asSel = document.getElementById('as'), projSel = document.getElementById('project'), themeSel = document.getElementById('theme'), frame = document.getElementById('frame');
  var store = { get: function (k) { try { return localStorage.getItem(k); } catch (e) { return null; } }, set: function (k, v) { try { localStorage.setItem(k, v); } catch (e) {} } };
  themeSel.value = store.get('relay.theme') === 'dark' ? 'dark' : 'light';
  function view() { return (location.hash || '#admin').slice(1); }
  function render() {
    var v = view(), as = encodeURIComponent(asSel.value), p = encodeURIComponent(projSel.value || 'SUP');
    document.querySelectorAll('nav a').forEach(function (a) { a.classList.toggle('active', a.getAttribute('data-view') === v); });
    var base = v === 'project' ? '/app/?module=relay-project-settings-page&project=' + p + '&as=' + as
      : v === 'simulator' ? '/simulator?as=' + as + '&project=' + p
      : v === 'inbox' ? '/inbox?'
      : '/app/?module=relay-admin-page&as=' + as;
    // Compared without the theme: a theme switch is posted to the frame instead of reloading it.
    if (frame.getAttribute('data-base') !== base) {
      frame.setAttribute('data-base', base);
      frame.setAttribute('src', base + (base.slice(-1) === '?' ? '' : '&') + 'theme=' + themeSel.value);
    }
  }
  function postTheme() {
    try { frame.contentWindow.postMessage({ source: 'relay-local-shell', type: 'theme', colorMode: themeSel.value }, location.origin); } catch (e) {}
  }
  function applyTheme() {
    document.documentElement.setAttribute('data-color-mode', themeSel.value);
    store.set('relay.theme', themeSel.value);
    postTheme();
  }
  // A frame that was still loading when the theme changed catches up once it has loaded.
  frame.addEventListener('load', postTheme);
  themeSel.addEventListener('change', applyTheme);
  Promise.all([fetch('/api/users').then(function (r) { return r.json(); }), fetch('/api/site/projects').then(function (r) { return r.json(); })]).then(function (res) {
    res[0].forEach(function (u) {
      var roles = [u.siteAdmin ? 'Jira admin' : '', u.projectAdminOf.length ? 'admin of ' + u.projectAdminOf.join(', ') : '', u.serviceAccount ? 'service account' : ''].filter(Boolean).join(', ');
      asSel.add(new Option(u.displayName + (roles ? ' (' + roles + ')' : ''), u.accountId));
    });
    res[1].forEach(function (p) { projSel.add(new Option(p.key + ' · ' + p.name, p.key)); });
    var savedAs = store.get('relay.viewAs'), savedProject = store.get('relay.project');
    if (savedAs && res[0].some(function (u) { return u.accountId === savedAs; })) asSel.value = savedAs;
    if (savedProject && res[1].some(function (p) { return p.key === savedProject; })) projSel.value = savedProject;
    render();
  });
  asSel.addEventListener('change', function () { store.set('relay.viewAs', asSel.value); render(); });
  projSel.addEventListener('change', function () { store.set('relay.project', projSel.value); if (view() === 'admin') location.hash = '#project'; render(); });
  window.addEventListener('hashchange', render);
  window.addEventListener('message', function (e) {
    if (e.origin !== location.origin || !e.data || e.data.source !== 'relay-local-bridge' || e.data.type !== 'flag') return;
    var flag = document.getElementById('flag'), d = e.data.data || {};
    flag.textContent = (d.title || '') + (d.description ? ' — ' + d.description : '');
    flag.style.display = 'block'; setTimeout(function () { flag.style.display = 'none'; }, 5000);
  });
  document.getElementById('site').textContent = 'relay-dev.atlassian.net (local)';
})();
</script>
</body></html>`;
}
