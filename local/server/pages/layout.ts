/** Shared look of the dev-tool pages: system fonts, Atlassian-like colours, no external assets. */
export const BASE_CSS = `
:root { --blue:#0C66E4; --blue-d:#0055CC; --text:#172B4D; --sub:#626F86; --line:#DCDFE4; --bg:#F7F8F9; --ok:#1F845A; --err:#C9372C; --warn:#A54800; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color:var(--text); background:#fff; }
h1 { font-size:20px; margin:0 0 16px; font-weight:600; } h2 { font-size:16px; margin:20px 0 8px; font-weight:600; }
button { font:inherit; border:0; border-radius:3px; padding:6px 12px; background:#F1F2F4; color:var(--text); cursor:pointer; }
button:hover { background:#DCDFE4; } button.primary { background:var(--blue); color:#fff; } button.primary:hover { background:var(--blue-d); }
button.danger { background:#FFECEB; color:var(--err); }
input, select, textarea { font:inherit; color:var(--text); border:2px solid var(--line); border-radius:3px; padding:5px 8px; background:#fff; }
input:focus, select:focus, textarea:focus { outline:none; border-color:var(--blue); }
label { display:block; font-size:12px; font-weight:600; color:var(--sub); margin:8px 0 4px; }
pre { background:var(--bg); border:1px solid var(--line); border-radius:3px; padding:10px; overflow:auto; font:12px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; margin:6px 0; }
.muted { color:var(--sub); } .lozenge { display:inline-block; font-size:11px; font-weight:700; text-transform:uppercase; padding:0 4px; border-radius:3px; background:#DFE1E6; }
.lozenge.ok { background:#DCFFF1; color:var(--ok); } .lozenge.err { background:#FFECEB; color:var(--err); } .lozenge.warn { background:#FFF7D6; color:var(--warn); }
.card { border:1px solid var(--line); border-radius:4px; padding:12px 14px; margin:10px 0; background:#fff; }
`;

