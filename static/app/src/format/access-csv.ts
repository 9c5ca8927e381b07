import { accessFix, PERMISSION_LABELS } from '../../../../src/shared/access';
import type { AccessReport } from '../../../../src/shared/contract';

const HEADER = ['Project key', 'Project name', 'Missing permissions', 'Fix'];

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. A value
 * a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The access table as CSV: a header row, then one row per project, worst first, CRLF line ends. */
export function accessCsv(report: AccessReport): string {
  const rows = report.projects.map((p) => [p.key, p.name, p.missing.map((key) => PERMISSION_LABELS[key]).join('; '), accessFix(p.name, p.missing)]);
  return [HEADER, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** e.g. `jira-api-access-agent-studio-bot-2024-12-04.csv`. */
export function accessCsvFileName(report: AccessReport): string {
  const who = report.account.displayName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'account';
  return `jira-api-access-${who}-${report.checkedAt.slice(0, 10)}.csv`;
}
