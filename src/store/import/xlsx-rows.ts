// Turns an XLSX workbook into table rows (the first sheet, or a named one) for core's import validators.

import ExcelJS from 'exceljs';
import { err, ok, type Failure, type Result } from '../../rules/index.js';
import type { TableRow } from '../../core/import/table.js';

/** Largest workbook read: 20 MiB. */
export const XLSX_MAX_BYTES = 20 * 1024 * 1024;

/**
 * Reads the sheet's used rows as text cells, each with its row number: strings NFC, numbers as written,
 * dates as "YYYY-MM-DD", formulas by their result, rich text joined. Empty rows are skipped.
 */
export async function readXlsxRows(
  content: Uint8Array,
  options: { readonly sheet?: string } = {},
): Promise<Result<TableRow[], Failure<'malformed_xlsx' | 'file_too_large'>>> {
  if (content.byteLength > XLSX_MAX_BYTES) {
    return err({
      code: 'file_too_large',
      field: 'file',
      message: `The workbook is ${content.byteLength} bytes; the limit is ${XLSX_MAX_BYTES}.`,
    });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      content.buffer.slice(
        content.byteOffset,
        content.byteOffset + content.byteLength,
      ) as ArrayBuffer,
    );
  } catch (error) {
    return err({
      code: 'malformed_xlsx',
      field: 'file',
      message: `Không đọc được tệp Excel / Cannot read the XLSX file: ${String(error)}`,
    });
  }
  const sheet = options.sheet ? workbook.getWorksheet(options.sheet) : workbook.worksheets[0];
  if (!sheet) {
    return err({
      code: 'malformed_xlsx',
      field: 'sheet',
      message: `Không có trang tính "${options.sheet ?? '1'}" / No such sheet.`,
    });
  }
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length > 0) rows.push({ line: rowNumber, cells });
  });
  return ok(rows);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.normalize('NFC');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((t) => t.text)
        .join('')
        .normalize('NFC');
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return String(value.text).normalize('NFC');
    if ('error' in value) return '';
  }
  return '';
}
