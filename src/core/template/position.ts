/** A 1-based line and column; columns count UTF-16 code units, as VS Code and Monaco do. */
export interface Position {
  line: number;
  column: number;
}

/** Maps offsets in `text` to line/column; `\r\n`, `\n` and a lone `\r` each end a line. */
export function createPositionMapper(text: string): (offset: number) => Position {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) lineStarts.push(i + 1);
  }
  return (offset) => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    // Binary search: the last line start at or before the offset.
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - lineStarts[low] + 1 };
  };
}
