/** `/inbox`: what the built-in sample listener received, newest first, refreshed every 2 s. */
import type { ColorMode } from '../theme/token-css';
import { BASE_CSS, FOLLOW_SHELL_THEME, htmlThemeAttrs, tokenLinks } from './layout';

export function inboxPage(colorMode: ColorMode): string {
  return `<!doctype html>
<html lang="en" ${htmlThemeAttrs(colorMode)}><head><meta charset="utf-8"><title>Sample listener inbox</title>
${tokenLinks()}
${FOLLOW_SHELL_THEME}
<style>${BASE_CSS}
body { padding:24px; } .bar { display:flex; gap:8px; align-items:center; margin-bottom:12px; flex-wrap:wrap; }
.head { display:flex; gap:10px; align-items:center; } .head code { font-size:12px; }
table.h { font-size:12px; border-collapse:collapse; } table.h td { padding:1px 10px 1px 0; vertical-align:top; } table.h td:first-child { color:var(--sub); white-space:nowrap; }
</style></head>
<body>
<h1>Sample listener inbox</h1>
<div class="bar">
  <span class="muted" id="count">Loading…</span>
  <button id="refresh">Refresh</button><button id="clear" class="danger">Clear</button>
  <span style="margin-left:16px">Answer 503 to the next</span><input id="failN" type="number" min="0" value="3" style="width:70px"><span>requests</span><button id="fail">Apply</button>
  <span class="muted" id="failState"></span>
</div>
<div id="list"></div>
<script>
(function () {
  var $ = function (id) { return document.getElementById(id); }, last = '';
  function esc(s) { return String(s).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; }); }
  function load() {
    fetch('/api/listener/requests').then(function (r) { return r.json(); }).then(function (items) {
      var text = JSON.stringify(items); if (text === last) return; last = text;
      $('count').textContent = items.length + ' request(s), newest first';
      $('list').innerHTML = items.map(function (it) {
        var cls = it.status < 300 ? 'ok' : it.status === 503 ? 'warn' : 'err';
        var headers = Object.keys(it.headers).sort().map(function (k) { return '<tr><td>' + esc(k) + '</td><td>' + esc(it.headers[k]) + '</td></tr>'; }).join('');
        return '<div class="card"><div class="head"><span class="lozenge ' + cls + '">' + it.status + '</span><strong>' + esc(it.method) + '</strong><code>' + esc(it.path) + '</code><span class="muted">' + esc(it.at) + '</span></div>' +
          '<details><summary class="muted">Headers</summary><table class="h">' + headers + '</table></details>' +
          '<pre>' + esc(typeof it.body === 'string' ? it.body : JSON.stringify(it.body, null, 2)) + '</pre></div>';
      }).join('') || '<p class="muted">Nothing received yet. Change an issue in the event simulator.</p>';
    }).catch(function () { $('count').textContent = 'Could not reach the local platform.'; });
  }
  $('refresh').onclick = load;
  $('clear').onclick = function () { fetch('/api/listener/requests', { method: 'DELETE' }).then(load); };
  $('fail').onclick = function () {
    fetch('/api/listener/fail', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ count: Number($('failN').value) || 0 }) })
      .then(function (r) { return r.json(); }).then(function (b) { $('failState').textContent = b.failNext + ' failure(s) pending'; });
  };
  load(); setInterval(load, 2000);
})();
</script>
</body></html>`;
}
