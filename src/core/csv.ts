// A small RFC 4180 CSV reader that keeps line numbers, for imports and the tally command.

import { err, ok, type Failure, type Result } from '../rules/index.js';

/** One CSV record with the 1-based line it starts on. */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/**
 * Parses CSV text: comma-separated, double quotes around cells that hold commas, quotes or line
 * breaks ("" for a quote inside), CRLF or LF, a leading byte-order mark ignored, blank lines skipped.
 * Text is normalised to NFC so decomposed Vietnamese input compares equal to precomposed.
 */
export function parseCsv(text: string): Result<CsvRow[], Failure<'malformed_csv'>> {
  const source = text.replace(/^\uFEFF/, '').normalize('NFC');
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let afterQuote = false;
  const endRow = (): void => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
        afterQuote = true;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === ',') {
      cells.push(cell);
      cell = '';
      afterQuote = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endRow();
      afterQuote = false;
      line++;
      rowLine = line;
    } else if (ch === '"' && cell === '' && !afterQuote) {
      quoted = true;
    } else if (afterQuote) {
      return err(malformed(line, 'text after a closing quote'));
    } else if (ch === '"') {
      return err(malformed(line, 'a quote inside an unquoted cell'));
    } else {
      cell += ch;
    }
  }
  if (quoted) return err(malformed(rowLine, 'a quoted cell is never closed'));
  if (cell !== '' || cells.length > 0) endRow();
  return ok(rows);
}

function malformed(line: number, what: string): Failure<'malformed_csv'> {
  return { code: 'malformed_csv', field: `line ${line}`, message: `CSV line ${line}: ${what}.` };
}
