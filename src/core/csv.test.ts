import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted cells with commas, quotes and line breaks, keeping line numbers', () => {
    const result = parseCsv('a,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n\nlast,row');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 3, cells: ['two\nlines', 'z'] },
      { line: 6, cells: ['last', 'row'] },
    ]);
  });

  it('normalises decomposed Vietnamese to NFC and drops a byte-order mark', () => {
    const decomposed = 'Nguye\u0302\u0303n'; // "Nguyễn" with combining marks
    const result = parseCsv(`\uFEFFname\n${decomposed}\n`);
    expect(result.ok && result.value[1]?.cells[0]).toBe('Nguyễn');
    expect(result.ok && result.value[0]?.cells[0]).toBe('name');
  });

  it('names the line of a malformed cell', () => {
    const result = parseCsv('a,b\nc,"d"x\n');
    expect(!result.ok && result.error.message).toBe('CSV line 2: text after a closing quote.');
    const unclosed = parseCsv('a\n"open\n');
    expect(!unclosed.ok && unclosed.error.code).toBe('malformed_csv');
  });
});
