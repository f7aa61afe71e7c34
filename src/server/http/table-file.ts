// Reads an uploaded table (CSV or the first sheet of an XLSX) into rows of text cells with their line numbers.

import ExcelJS from 'exceljs';
import { parseCsv, type CsvRow } from '../../core/csv.js';
import { err, ok, type Failure, type Result } from '../../rules/index.js';
import { zipEntries } from './file-type.js';
import type { UploadedFile } from './route.js';

/** Largest number of rows an import takes (a conference summons hundreds, a province a few thousand). */
export const MAX_IMPORT_ROWS = 20_000;

/** Largest total an XLSX may unpack to (20,000 rows of text take a few MiB). */
export const MAX_XLSX_INFLATED_BYTES = 128 * 1024 * 1024;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result);
    return '';
  }
  return String(value);
}

/** The rows of a CSV (UTF-8) or XLSX file, NFC, trimmed; the first row is the header. */
export async function readTableFile(file: UploadedFile): Promise<Result<CsvRow[], Failure>> {
  let rows: CsvRow[];
  if (file.kind === 'csv') {
    const parsed = parseCsv(new TextDecoder('utf-8').decode(file.bytes));
    if (!parsed.ok) return parsed;
    rows = parsed.value.map((r) => ({ line: r.line, cells: r.cells.map((c) => c.trim()) }));
  } else if (file.kind === 'xlsx') {
    // A ZIP bomb: a small upload that inflates to gigabytes. The declared sizes are checked before
    // anything is inflated (issue 8 §4).
    const entries = zipEntries(file.bytes) ?? [];
    const inflated = entries.reduce((sum, e) => sum + e.size, 0);
    if (inflated > MAX_XLSX_INFLATED_BYTES) {
      return err({
        code: 'payload_too_large',
        field: 'file',
        message: `The XLSX file unpacks to more than ${MAX_XLSX_INFLATED_BYTES} bytes.`,
      });
    }
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(new Uint8Array(file.bytes).buffer);
    } catch {
      return err({
        code: 'invalid_upload',
        field: 'file',
        message: 'The XLSX file cannot be read.',
      });
    }
    const sheet = workbook.worksheets[0];
    if (sheet === undefined)
      return err({ code: 'invalid_upload', field: 'file', message: 'The XLSX file has no sheet.' });
    rows = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      for (let i = 1; i <= row.cellCount; i++)
        cells.push(cellText(row.getCell(i).value).normalize('NFC').trim());
      if (cells.some((c) => c !== '')) rows.push({ line, cells });
    });
  } else {
    return err({
      code: 'unsupported_media_type',
      field: 'file',
      message: 'An import must be CSV or XLSX.',
    });
  }
  if (rows.length > MAX_IMPORT_ROWS + 1) {
    return err({
      code: 'payload_too_large',
      field: 'file',
      message: `An import takes at most ${MAX_IMPORT_ROWS} rows.`,
    });
  }
  return ok(rows);
}
