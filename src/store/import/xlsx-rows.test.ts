import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePersonRows, parseUnitRows } from '../../core/import/index.js';
import { readXlsxRows } from './xlsx-rows.js';

async function workbook(rows: unknown[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Đơn vị');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('readXlsxRows', () => {
  it('reads an XLSX sheet into rows that core validates, with row numbers for errors', async () => {
    const bytes = await workbook([
      ['Mã đơn vị', 'Tên đơn vị', 'Mã đơn vị cấp trên'],
      ['TU', 'Tỉnh ủy Lạng Sơn', null],
      [],
      ['CA', 'Công an tỉnh', 'TU'],
      ['X', null, 'ZZ'],
    ]);
    const rows = await readXlsxRows(bytes);
    expect(rows.ok).toBe(true);
    if (!rows.ok) return;
    expect(rows.value.map((r) => r.line)).toEqual([1, 2, 4, 5]);
    const units = parseUnitRows(rows.value);
    expect(units.ok ? [] : units.error.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [5, 'Tên đơn vị', 'required'],
      [5, 'Mã đơn vị cấp trên', 'unknown_parent'],
    ]);
  });

  it('turns dates and numbers into text core reads', async () => {
    const bytes = await workbook([
      ['Họ và tên', 'Năm sinh', 'Mã đơn vị', 'Chức vụ', 'Ngày nhận chức'],
      ['Nguyễn Thu Hương', 1979, 'UBND', 'Phó Chủ tịch UBND TP', new Date(Date.UTC(2021, 6, 1))],
    ]);
    const rows = await readXlsxRows(bytes);
    if (!rows.ok) throw new Error(rows.error.message);
    const persons = parsePersonRows(rows.value, new Set(['UBND']));
    expect(persons.ok ? persons.value[0] : persons.error).toMatchObject({
      fullName: 'Nguyễn Thu Hương',
      birthYear: 1979,
      startDate: '2021-07-01',
    });
  });

  it('refuses a file that is not a workbook', async () => {
    const result = await readXlsxRows(new TextEncoder().encode('not a zip'));
    expect(result.ok ? null : result.error.code).toBe('malformed_xlsx');
  });
});
