/** "84 ms", or "1.2 s" once it is long enough that milliseconds stop being readable. */
export function formatLatency(ms: number | undefined): string {
  if (ms === undefined) return '—';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
