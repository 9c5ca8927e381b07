/** 1-based line and column (UTF-16 units, as the template errors count them) of an offset in a text. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** The offset of a 1-based line and column, clamped to the text. */
export function offsetAt(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < Math.min(line - 1, lines.length - 1); i += 1) offset += (lines[i]?.length ?? 0) + 1;
  const current = lines[Math.min(line - 1, lines.length - 1)] ?? '';
  return offset + Math.min(Math.max(column - 1, 0), current.length);
}

/** "Line 3, column 12: …" as the backend words template problems; undefined for other messages. */
export function positionOf(message: string): { line: number; column: number } | undefined {
  const match = /^Line (\d+), column (\d+)/.exec(message);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}
