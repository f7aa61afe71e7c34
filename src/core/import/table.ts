// Reading a table (CSV or XLSX rows) by its header: column aliases, cell checks, problems named by row and column.

import { err, isCalendarDate, ok, type Failure, type Result } from '../../rules/index.js';
import type { CsvRow } from '../csv.js';

/** One row of a table with the 1-based line (CSV) or row number (XLSX) it came from. */
export type TableRow = CsvRow;

/** A problem with one cell or row of an import. */
export interface RowProblem {
  /** Line or row number in the file, 1-based, counting the header. */
  readonly line: number;
  /** Column title as the file has it (or the expected title when missing). */
  readonly column: string;
  readonly code:
    | 'missing_column'
    | 'required'
    | 'invalid_date'
    | 'invalid_number'
    | 'invalid_value'
    | 'duplicate'
    | 'unknown_parent'
    | 'cycle';
  /** Vietnamese first, English second. */
  readonly message: string;
}

/** The failure of an import: every problem found (up to a limit), each with its row and column. */
export interface ImportFailure extends Failure<'invalid_import' | 'empty_file'> {
  readonly problems: readonly RowProblem[];
}

/** A column the importer reads: its key, the titles it accepts, whether it must be there. */
export interface ColumnSpec<K extends string> {
  readonly key: K;
  /** Accepted header titles (compared without case, diacritics, spaces or punctuation). */
  readonly titles: readonly string[];
  readonly required: boolean;
}

/** At most this many problems are reported. */
export const MAX_PROBLEMS = 200;

/** Folds a header title: lower case, no diacritics (đ → d), letters and digits only. */
export function foldTitle(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** A table with its header resolved: the column index of each key, and the data rows. */
export interface ResolvedTable<K extends string> {
  readonly columns: Readonly<Partial<Record<K, number>>>;
  readonly titles: Readonly<Partial<Record<K, string>>>;
  readonly rows: readonly TableRow[];
}

/** Finds the header (the first row) and each column; a missing required column is a problem. */
export function resolveTable<K extends string>(
  rows: readonly TableRow[],
  specs: readonly ColumnSpec<K>[],
): Result<ResolvedTable<K>, ImportFailure> {
  const [header, ...data] = rows;
  if (!header) {
    return err({
      code: 'empty_file',
      field: 'file',
      message: 'Tệp không có dữ liệu / The file has no rows.',
      problems: [],
    });
  }
  const folded = header.cells.map(foldTitle);
  const columns: Partial<Record<K, number>> = {};
  const titles: Partial<Record<K, string>> = {};
  const problems: RowProblem[] = [];
  for (const spec of specs) {
    const index = folded.findIndex((f) => spec.titles.some((t) => foldTitle(t) === f));
    if (index >= 0) {
      columns[spec.key] = index;
      titles[spec.key] = header.cells[index]!.trim();
    } else if (spec.required) {
      problems.push({
        line: header.line,
        column: spec.titles[0]!,
        code: 'missing_column',
        message: `Thiếu cột "${spec.titles[0]}" / Missing column "${spec.titles[1] ?? spec.titles[0]}".`,
      });
    }
  }
  if (problems.length > 0) return err(importFailure(problems));
  return ok({ columns, titles, rows: data });
}

/** The failure for a list of problems (the first named in the message). */
export function importFailure(problems: readonly RowProblem[]): ImportFailure {
  const first = problems[0];
  return {
    code: 'invalid_import',
    field: first ? `line ${first.line}, column "${first.column}"` : 'file',
    message: first
      ? `Dòng ${first.line}, cột "${first.column}": ${first.message}` +
        (problems.length > 1 ? ` (+${problems.length - 1})` : '')
      : 'Tệp không hợp lệ / Invalid file.',
    problems: problems.slice(0, MAX_PROBLEMS),
  };
}

/** Reads the cells of one row by key, recording problems with its line and the column's title. */
export class RowReader<K extends string> {
  constructor(
    private readonly table: ResolvedTable<K>,
    private readonly row: TableRow,
    private readonly problems: RowProblem[],
  ) {}

  /** The row's line. */
  get line(): number {
    return this.row.line;
  }

  /** Column title of a key, for messages. */
  title(key: K): string {
    return this.table.titles[key] ?? key;
  }

  /** Trimmed NFC text of the cell; '' when absent. */
  text(key: K): string {
    const index = this.table.columns[key];
    if (index === undefined) return '';
    return (this.row.cells[index] ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  }

  /** Text that must not be empty. */
  required(key: K): string {
    const value = this.text(key);
    if (value === '')
      this.problem(key, 'required', 'Ô này không được để trống / This cell is required.');
    return value;
  }

  /** A date "dd/mm/yyyy", "d/m/yyyy" or "yyyy-mm-dd" as "YYYY-MM-DD"; null when empty. */
  date(key: K, required: boolean): string | null {
    const value = required ? this.required(key) : this.text(key);
    if (value === '') return null;
    const parsed = parseDateCell(value);
    if (parsed === null) {
      this.problem(
        key,
        'invalid_date',
        `"${value}" không phải ngày (dd/mm/yyyy) / "${value}" is not a date (dd/mm/yyyy).`,
      );
    }
    return parsed;
  }

  /** A whole number in [min, max]; null when empty. */
  integer(key: K, min: number, max: number): number | null {
    const value = this.text(key);
    if (value === '') return null;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      this.problem(
        key,
        'invalid_number',
        `"${value}" phải là số nguyên từ ${min} đến ${max} / must be a whole number ${min}–${max}.`,
      );
      return null;
    }
    return Number(value);
  }

  /** Yes/no: "có", "x", "1", "yes", "true" are yes; empty, "không", "0", "no", "false" are no. */
  yesNo(key: K): boolean {
    const value = foldTitle(this.text(key));
    if (['co', 'x', '1', 'yes', 'true', 'y'].includes(value)) return true;
    if (['', 'khong', '0', 'no', 'false', 'n'].includes(value)) return false;
    this.problem(
      key,
      'invalid_value',
      `"${this.text(key)}": ghi "có" hoặc "không" / write yes or no.`,
    );
    return false;
  }

  /** Records a problem at this row and column. */
  problem(key: K, code: RowProblem['code'], message: string): void {
    this.problems.push({ line: this.row.line, column: this.title(key), code, message });
  }
}

/** Parses "dd/mm/yyyy", "d/m/yyyy", "dd-mm-yyyy", "dd.mm.yyyy" or "yyyy-mm-dd"; null if not a real date. */
export function parseDateCell(value: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const vi = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : vi ? [vi[3], vi[2], vi[1]] : [];
  if (y === undefined || m === undefined || d === undefined) return null;
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isCalendarDate(date) ? date : null;
}
