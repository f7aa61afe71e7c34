// Plain-text tables for the terminal, measured in characters after NFC normalisation.

/** Renders rows as a table with a header rule; `align` gives 'r' for right-aligned columns. */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly ('l' | 'r')[] = [],
): string {
  const all = [header, ...rows].map((row) => row.map((cell) => cell.normalize('NFC')));
  const widths = header.map((_, col) => Math.max(...all.map((row) => width(row[col] ?? ''))));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, col) => pad(cell, widths[col] ?? 0, align[col] ?? 'l'))
      .join('  ')
      .trimEnd();
  const [head = [], ...body] = all;
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function width(text: string): number {
  return [...text].length;
}

function pad(text: string, size: number, align: 'l' | 'r'): string {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return align === 'r' ? fill + text : text + fill;
}
