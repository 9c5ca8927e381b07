/**
 * Saves text as a file the browser downloads, built in the page (nothing goes through a server).
 * A UTF-8 byte order mark goes first for CSV, so spreadsheets read “curly quotes” and names correctly.
 */
export function saveTextFile(fileName: string, text: string, type = 'text/csv'): void {
  const blob = new Blob([type === 'text/csv' ? '\uFEFF' : '', text], { type: `${type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is no longer needed after this tick.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
