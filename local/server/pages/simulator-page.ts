/**
 * `/simulator`: changes issues on the fake site as the "view as" user; shows the Forge events Jira
 * would emit and what each trigger invocation did with them. Also sends a raw event to /api/events.
 */
import type { ColorMode } from '../theme/token-css';
import { BASE_CSS, FOLLOW_SHELL_THEME, htmlThemeAttrs, tokenLinks } from './layout';

export function simulatorPage(colorMode: ColorMode): string {
  return `<!doctype html>
<html lang="en" ${htmlThemeAttrs(colorMode)}><head><meta charset="utf-8"><title>Event simulator</title>
${tokenLinks()}
${FOLLOW_SHELL_THEME}
<style>${BASE_CSS}
body { padding:24px; } .layout { display:grid; grid-template-columns:minmax(320px, 440px) 1fr; gap:24px; align-items:start; }
.row { display:flex; gap:8px; align-items:flex-end; flex-wrap:wrap; } .row > div { flex:1; min-width:120px; }
.row input, .row select, .row textarea { width:100%; }
details.card summary { cursor:pointer; font-weight:600; } details.card[open] summary { margin-bottom:6px; }
table { border-collapse:collapse; width:100%; font-size:13px; } td, th { text-align:left; padding:4px 8px; border-bottom:1px solid var(--line); }
.issue-meta { font-size:13px; }
</style></head>
<body>
<h1>Event simulator</h1>
<p class="muted">Acting as <strong id="actor">…</strong> (change it with “View as”). Each change is made on the fake site and emits the Forge product events Jira would send, which run the app's triggers.</p>
<div class="layout">
<section>
  <div class="row">
    <div><label for="project">Project</label><select id="project"></select></div>
    <div><label for="issue">Issue</label><select id="issue"></select></div>
  </div>
  <div class="card issue-meta" id="issueMeta"></div>

  <details class="card" open><summary>Create issue</summary>
    <label for="cSummary">Summary</label><input id="cSummary" value="Printer on floor 3 is out of toner" style="width:100%">
    <div class="row"><div><label for="cType">Type</label><select id="cType"><option>Task</option><option>Bug</option><option>Story</option></select></div>
    <div><label for="cPriority">Priority</label><select id="cPriority" class="prio"></select></div></div>
    <p><button class="primary" data-op="create">Create</button></p></details>

  <details class="card"><summary>Edit fields</summary>
    <label for="eSummary">Summary</label><input id="eSummary" style="width:100%">
    <div class="row"><div><label for="ePriority">Priority</label><select id="ePriority" class="prio"></select></div>
    <div><label for="eLabels">Labels (space-separated)</label><input id="eLabels"></div></div>
    <label for="eDescription">Description</label><textarea id="eDescription" rows="2" style="width:100%"></textarea>
    <p><button class="primary" data-op="edit">Save changes</button></p></details>

  <details class="card" open><summary>Transition / assign</summary>
    <div class="row"><div><label for="tStatus">Status</label><select id="tStatus"><option>To Do</option><option>In Progress</option><option>Done</option></select></div>
    <div><button class="primary" data-op="transition">Transition</button></div></div>
    <div class="row"><div><label for="aUser">Assignee</label><select id="aUser"></select></div>
    <div><button class="primary" data-op="assign">Assign</button></div></div></details>

  <details class="card" open><summary>Comments</summary>
    <label for="mBody">New comment</label><textarea id="mBody" rows="2" style="width:100%">Agent Studio: a similar ticket was solved last week.</textarea>
    <p><button class="primary" data-op="comment">Add comment</button></p>
    <div class="row"><div><label for="mComment">Existing comment</label><select id="mComment"></select></div></div>
    <label for="mEdit">New text</label><textarea id="mEdit" rows="2" style="width:100%"></textarea>
    <p><button data-op="editComment">Edit comment</button> <button class="danger" data-op="deleteComment">Delete comment</button></p></details>

  <details class="card"><summary>Work log</summary>
    <div class="row"><div><label for="wMinutes">Time spent (minutes)</label><input id="wMinutes" type="number" min="1" value="45"></div>
    <div><label for="wComment">Comment</label><input id="wComment" value="Went through the IdP logs."></div></div>
    <p><button class="primary" data-op="logWork">Log work</button></p>
    <div class="row"><div><label for="wExisting">Existing worklog</label><select id="wExisting"></select></div></div>
    <p><button data-op="editWorklog">Change time spent</button> <button class="danger" data-op="deleteWorklog">Delete worklog</button></p></details>

  <details class="card"><summary>Attachments</summary>
    <div class="row"><div><label for="fName">File name</label><input id="fName" value="saml-trace.har"></div>
    <div><label for="fSize">Size (bytes)</label><input id="fSize" type="number" min="0" value="48213"></div></div>
    <p><button class="primary" data-op="addAttachment">Add attachment</button></p>
    <div class="row"><div><label for="fExisting">Existing attachment</label><select id="fExisting"></select></div></div>
    <p><button class="danger" data-op="deleteAttachment">Delete attachment</button></p></details>

  <details class="card"><summary>Link issues</summary>
    <div class="row"><div><label for="lType">This issue…</label><select id="lType"><option value="Blocks">blocks</option><option value="Relates">relates to</option><option value="Duplicate">duplicates</option><option value="Cloners">clones</option></select></div>
    <div><label for="lTarget">Issue key</label><input id="lTarget" value="ENG-1"></div></div>
    <p><button class="primary" data-op="link">Link</button></p>
    <div class="row"><div><label for="lExisting">Existing link</label><select id="lExisting"></select></div></div>
    <p><button class="danger" data-op="deleteLink">Delete link</button></p></details>

  <details class="card"><summary>SLA clocks (service projects)</summary>
    <p class="muted">Moves the ongoing cycle so this much time is left now; negative means breached that long ago. Jira emits no event for SLA clocks: run the app's SLA scan to see what it finds.</p>
    <div class="row"><div><label for="sName">SLA</label><select id="sName"><option>Time to first response</option><option>Time to resolution</option></select></div>
    <div><label for="sMinutes">Remaining (minutes)</label><input id="sMinutes" type="number" value="-15"></div></div>
    <p><button class="primary" data-op="sla">Set remaining time</button></p></details>

  <details class="card"><summary>Run a scheduled trigger now</summary>
    <p class="muted">Runs a <code>scheduledTrigger</code> module of the manifest at once (<code>POST /api/scheduled/:moduleKey</code>), e.g. the SLA scan after moving an SLA clock.</p>
    <div class="row"><div><label for="schedKey">Module key</label><input id="schedKey" placeholder="scheduledTrigger key from manifest.yml"></div>
    <div><button data-op="scheduled">Run</button></div></div></details>

  <details class="card"><summary>Delete issue</summary><p><button class="danger" data-op="deleteIssue">Delete this issue</button></p></details>

  <details class="card"><summary>Send a raw Forge event</summary>
    <p class="muted">Posted unchanged to <code>POST /api/events</code> (for example a file from test/fixtures/forge-events).</p>
    <textarea id="raw" rows="8" style="width:100%; font-family:ui-monospace, monospace; font-size:12px">{ "eventType": "avi:jira:created:issue", "issue": { "id": "10001", "key": "SUP-1", "fields": { "summary": "Hello" } } }</textarea>
    <p><button data-op="raw">Dispatch</button></p></details>
</section>
<section>
  <h2 style="margin-top:0">Outcome</h2>
  <div id="outcome" class="muted">Nothing sent yet.</div>
</section>
</div>
<script>
(function () {
  var q = new URLSearchParams(location.search), as = q.get('as') || '', users = [], issues = [];
  var $ = function (id) { return document.getElementById(id); };
  function j(r) { return r.json().then(function (b) { return { status: r.status, body: b }; }); }
  function get(u) { return fetch(u).then(j); }
  function post(u, b) { return fetch(u, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) }).then(j); }
  function esc(s) { return String(s).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; }); }
  function current() { return issues.find(function (i) { return i.key === $('issue').value; }); }
  ['Highest', 'High', 'Medium', 'Low', 'Lowest'].forEach(function (p) { document.querySelectorAll('.prio').forEach(function (s) { s.add(new Option(p, p)); }); });
  $('cPriority').value = 'Medium';

  function fill(sel, items, label) { sel.innerHTML = ''; items.forEach(function (x) { sel.add(new Option(label(x), x.id)); }); }

  function showIssue() {
    var i = current(), meta = $('issueMeta');
    if (!i) {
      meta.innerHTML = '<span class="muted">No issue in this project.</span>';
      ['mComment', 'wExisting', 'fExisting', 'lExisting'].forEach(function (id) { $(id).innerHTML = ''; });
      return;
    }
    meta.innerHTML = '<strong>' + esc(i.key) + '</strong> ' + esc(i.summary) + '<br><span class="lozenge">' + esc(i.status) + '</span> ' + esc(i.issueType) + ' · ' + esc(i.priority) +
      ' · ' + (i.assignee ? esc(i.assignee.displayName) : 'Unassigned') + (i.labels.length ? ' · ' + esc(i.labels.join(' ')) : '') + '<br><span class="muted">' + i.comments.length + ' comment(s) · updated ' + esc(i.updated) + '</span>';
    $('eSummary').value = i.summary; $('ePriority').value = i.priority; $('eLabels').value = i.labels.join(' ');
    $('tStatus').value = i.status === 'To Do' ? 'In Progress' : i.status === 'In Progress' ? 'Done' : 'To Do';
    $('aUser').value = i.assignee ? i.assignee.accountId : '';
    var extra = [];
    if (i.worklogs.length) extra.push(i.worklogs.length + ' worklog(s)');
    if (i.attachments.length) extra.push(i.attachments.length + ' attachment(s)');
    i.links.forEach(function (l) { extra.push(esc(l.description)); });
    i.slas.forEach(function (x) {
      extra.push(esc(x.name) + ': ' + (x.ongoing ? esc(x.remaining) + ' left' : 'completed') + (x.breached ? ' <span class="lozenge err">breached</span>' : ''));
    });
    if (extra.length) meta.innerHTML += '<br><span class="muted">' + extra.join(' · ') + '</span>';
    fill($('wExisting'), i.worklogs, function (w) { return '#' + w.id + ' ' + w.author + ': ' + w.timeSpent; });
    fill($('fExisting'), i.attachments, function (a) { return '#' + a.id + ' ' + a.fileName + ' (' + a.size + ' B)'; });
    fill($('lExisting'), i.links, function (l) { return '#' + l.id + ' ' + l.description; });
    var mc = $('mComment'); mc.innerHTML = '';
    i.comments.forEach(function (c) { mc.add(new Option('#' + c.id + ' ' + c.author + ': ' + c.text.slice(0, 40), c.id)); });
    var sel = i.comments.find(function (c) { return c.id === mc.value; }); $('mEdit').value = sel ? sel.text + ' (edited)' : '';
  }
  $('mComment').addEventListener('change', function () { var i = current(), c = i && i.comments.find(function (x) { return x.id === $('mComment').value; }); $('mEdit').value = c ? c.text + ' (edited)' : ''; });

  function loadIssues(keep) {
    return get('/api/site/issues?project=' + encodeURIComponent($('project').value)).then(function (r) {
      issues = r.body; var sel = $('issue'), prev = keep || sel.value; sel.innerHTML = '';
      issues.forEach(function (i) { sel.add(new Option(i.key + ' · ' + i.summary, i.key)); });
      if (issues.some(function (i) { return i.key === prev; })) sel.value = prev;
      showIssue();
    });
  }

  function render(title, r, quiet) {
    var out = $('outcome');
    if (r.status >= 400) { out.innerHTML = '<div class="card"><span class="lozenge err">HTTP ' + r.status + '</span> ' + esc(title) + '<pre>' + esc(JSON.stringify(r.body, null, 2)) + '</pre></div>'; return; }
    var events = r.body.events || (r.body.eventType ? [JSON.parse($('raw').value)] : []), reports = r.body.reports || [];
    if (r.body.eventType) reports = [reports];
    if (!events.length) { out.innerHTML = '<div class="card">' + esc(title) + ': ' + esc(quiet || 'nothing changed, so Jira emits no event.') + '</div>'; return; }
    out.innerHTML = events.map(function (e, n) {
      var rows = (reports[n] || []).map(function (t) {
        var cls = t.outcome === 'success' ? 'ok' : t.outcome === 'retry-scheduled' ? 'warn' : 'err';
        return '<tr><td>' + esc(t.moduleKey) + '</td><td><span class="lozenge ' + cls + '">' + esc(t.outcome) + '</span></td><td>' + t.durationMs + ' ms</td><td>' + esc(t.error || '') + '</td></tr>';
      }).join('') || '<tr><td colspan="4" class="muted">No trigger subscribed to this event.</td></tr>';
      return '<div class="card"><strong>' + esc(e.eventType) + '</strong> <span class="muted">' + esc(title) + '</span>' +
        '<table><tr><th>Trigger</th><th>Outcome</th><th>Time</th><th>Error</th></tr>' + rows + '</table>' +
        '<details><summary class="muted">Event payload</summary><pre>' + esc(JSON.stringify(e, null, 2)) + '</pre></details></div>';
    }).join('');
  }

  var ops = {
    create: function () { return ['Create issue', '/api/site/issues', { projectKey: $('project').value, summary: $('cSummary').value, issueType: $('cType').value, priority: $('cPriority').value }]; },
    edit: function (k) { return ['Edit ' + k, '/api/site/issues/' + k + '/edit', { summary: $('eSummary').value, priority: $('ePriority').value, labels: $('eLabels').value.split(/\\s+/).filter(Boolean), description: $('eDescription').value || undefined }]; },
    transition: function (k) { return ['Transition ' + k, '/api/site/issues/' + k + '/transition', { status: $('tStatus').value }]; },
    assign: function (k) { return ['Assign ' + k, '/api/site/issues/' + k + '/assign', { assigneeId: $('aUser').value || null }]; },
    comment: function (k) { return ['Comment on ' + k, '/api/site/issues/' + k + '/comments', { body: $('mBody').value }]; },
    editComment: function (k) { return ['Edit comment on ' + k, '/api/site/issues/' + k + '/comments/' + $('mComment').value + '/edit', { body: $('mEdit').value }]; },
    deleteComment: function (k) { return ['Delete comment on ' + k, '/api/site/issues/' + k + '/comments/' + $('mComment').value + '/delete', {}]; },
    deleteIssue: function (k) { return ['Delete ' + k, '/api/site/issues/' + k + '/delete', {}]; },
    logWork: function (k) { return ['Log work on ' + k, '/api/site/issues/' + k + '/worklogs', { timeSpentSeconds: Math.round(Number($('wMinutes').value) * 60), comment: $('wComment').value || undefined }]; },
    editWorklog: function (k) { return ['Edit worklog on ' + k, '/api/site/issues/' + k + '/worklogs/' + $('wExisting').value + '/edit', { timeSpentSeconds: Math.round(Number($('wMinutes').value) * 60) }]; },
    deleteWorklog: function (k) { return ['Delete worklog on ' + k, '/api/site/issues/' + k + '/worklogs/' + $('wExisting').value + '/delete', {}]; },
    addAttachment: function (k) { return ['Attach to ' + k, '/api/site/issues/' + k + '/attachments', { fileName: $('fName').value, size: Number($('fSize').value) }]; },
    deleteAttachment: function (k) { return ['Delete attachment on ' + k, '/api/site/issues/' + k + '/attachments/' + $('fExisting').value + '/delete', {}]; },
    link: function (k) { return ['Link ' + k, '/api/site/issues/' + k + '/links', { destinationKey: $('lTarget').value.trim(), type: $('lType').value }]; },
    deleteLink: function () { return ['Delete link', '/api/site/links/' + $('lExisting').value + '/delete', {}]; },
    sla: function (k) { return ['Set SLA on ' + k, '/api/site/issues/' + k + '/sla', { sla: $('sName').value, remainingMinutes: Number($('sMinutes').value) }, 'SLA clock moved. Jira emits no event for SLA clocks, so no trigger ran.']; }
  };
  document.querySelectorAll('button[data-op]').forEach(function (b) {
    b.addEventListener('click', function () {
      var op = b.getAttribute('data-op');
      $('outcome').innerHTML = '<span class="muted">Sending…</span>';
      if (op === 'scheduled') {
        var key = $('schedKey').value.trim();
        post('/api/scheduled/' + encodeURIComponent(key), {}).then(function (r) {
          var b = r.body || {}, cls = r.status >= 400 || b.outcome !== 'success' ? 'err' : 'ok';
          $('outcome').innerHTML = '<div class="card"><strong>Scheduled trigger ' + esc(key) + '</strong> <span class="lozenge ' + cls + '">' + esc(r.status >= 400 ? 'HTTP ' + r.status : b.outcome) + '</span> ' +
            (b.durationMs !== undefined ? b.durationMs + ' ms ' : '') + esc(b.error || '') + '</div>';
          return loadIssues();
        });
        return;
      }
      if (op === 'raw') {
        var ev; try { ev = JSON.parse($('raw').value); } catch (e) { render('Raw event', { status: 400, body: { error: 'Not valid JSON: ' + e.message } }); return; }
        post('/api/events', ev).then(function (r) { render('Raw event', r); });
        return;
      }
      var spec = ops[op]($('issue').value), body = spec[2]; body.accountId = as;
      post(spec[1], body).then(function (r) {
        render(spec[0], r, spec[3]);
        var created = r.body && r.body.issue && op === 'create' ? r.body.issue.key : undefined;
        return loadIssues(created);
      });
    });
  });

  Promise.all([get('/api/users'), get('/api/site/projects')]).then(function (res) {
    users = res[0].body; var me = users.find(function (u) { return u.accountId === as; });
    $('actor').textContent = me ? me.displayName : '(nobody: pick a user)';
    $('aUser').add(new Option('Unassigned', ''));
    users.forEach(function (u) { $('aUser').add(new Option(u.displayName, u.accountId)); });
    res[1].body.forEach(function (p) { $('project').add(new Option(p.key + ' · ' + p.name, p.key)); });
    if (q.get('project')) $('project').value = q.get('project');
    return loadIssues();
  });
  $('project').addEventListener('change', function () { loadIssues(); });
  $('issue').addEventListener('change', showIssue);
})();
</script>
</body></html>`;
}
