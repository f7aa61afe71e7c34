// Units from a table (CSV/XLSX): code, name, parent code, kind — validated, every problem named by row and column.

import { err, ok, type Result } from '../../rules/index.js';
import { UNIT_KINDS, type UnitKind } from '../model/unit.js';
import {
  foldTitle,
  importFailure,
  resolveTable,
  RowReader,
  type ColumnSpec,
  type ImportFailure,
  type RowProblem,
  type TableRow,
} from './table.js';

/** A validated unit row; the parent is named by its code. */
export interface UnitImportRow {
  readonly code: string;
  readonly name: string;
  readonly parentCode: string | null;
  readonly kind: UnitKind;
}

type UnitColumn = 'code' | 'name' | 'parentCode' | 'kind';

/** Accepted column titles, Vietnamese first. */
export const UNIT_COLUMNS: readonly ColumnSpec<UnitColumn>[] = [
  { key: 'code', titles: ['Mã đơn vị', 'code', 'Mã'], required: true },
  { key: 'name', titles: ['Tên đơn vị', 'name', 'Tên'], required: true },
  {
    key: 'parentCode',
    titles: ['Mã đơn vị cấp trên', 'parent code', 'parent_code', 'parent', 'Mã cấp trên'],
    required: true,
  },
  { key: 'kind', titles: ['Loại đơn vị', 'kind', 'Loại'], required: false },
];

/** Words for a unit kind in a file (folded), Vietnamese or the English id. */
const KIND_WORDS: ReadonlyArray<readonly [string, UnitKind]> = [
  ['capuy', 'party-committee'],
  ['danguy', 'party-committee'],
  ['tinhuy', 'party-committee'],
  ['huyenuy', 'party-committee'],
  ['thanhuy', 'party-committee'],
  ['hdnd', 'peoples-council'],
  ['hoidongnhandan', 'peoples-council'],
  ['ubnd', 'peoples-committee'],
  ['uybannhandan', 'peoples-committee'],
  ['coquan', 'agency'],
  ['so', 'agency'],
  ['phong', 'agency'],
  ['truong', 'school'],
  ['congan', 'police'],
  ['quansu', 'military'],
  ['khac', 'other'],
];

/** Reads a unit kind word; null if unknown. */
export function parseUnitKind(word: string): UnitKind | null {
  const english = UNIT_KINDS.find((k) => k === word.trim().toLowerCase());
  if (english) return english;
  const folded = foldTitle(word);
  return KIND_WORDS.find(([w]) => w === folded)?.[1] ?? null;
}

/**
 * Validates unit rows: code and name required, codes unique in the file, each parent code in the file
 * or among `knownCodes` (units already in the store), no unit its own ancestor.
 */
export function parseUnitRows(
  rows: readonly TableRow[],
  knownCodes: ReadonlySet<string> = new Set(),
): Result<UnitImportRow[], ImportFailure> {
  const table = resolveTable(rows, UNIT_COLUMNS);
  if (!table.ok) return table;
  const problems: RowProblem[] = [];
  const parsed: { row: UnitImportRow; reader: RowReader<UnitColumn> }[] = [];
  const seen = new Map<string, number>();
  for (const row of table.value.rows) {
    const r = new RowReader(table.value, row, problems);
    const code = r.required('code');
    const name = r.required('name');
    const parentCode = r.text('parentCode') || null;
    const kindWord = r.text('kind');
    let kind: UnitKind = 'other';
    if (kindWord !== '') {
      const found = parseUnitKind(kindWord);
      if (found) kind = found;
      else
        r.problem(
          'kind',
          'invalid_value',
          `Loại đơn vị "${kindWord}" không rõ / unknown unit kind.`,
        );
    }
    if (code !== '') {
      const earlier = seen.get(code);
      if (earlier !== undefined) {
        r.problem(
          'code',
          'duplicate',
          `Mã "${code}" đã có ở dòng ${earlier} / duplicate of line ${earlier}.`,
        );
      } else {
        seen.set(code, r.line);
      }
    }
    parsed.push({ row: { code, name, parentCode, kind }, reader: r });
  }
  const byCode = new Map(parsed.map((p) => [p.row.code, p.row]));
  for (const { row, reader } of parsed) {
    if (row.parentCode === null) continue;
    if (!byCode.has(row.parentCode) && !knownCodes.has(row.parentCode)) {
      reader.problem(
        'parentCode',
        'unknown_parent',
        `Không có đơn vị mã "${row.parentCode}" / no unit with code "${row.parentCode}".`,
      );
      continue;
    }
    // Walk up within the file: coming back to the row is a cycle.
    const trail = new Set([row.code]);
    let up: string | null = row.parentCode;
    while (up !== null && byCode.has(up)) {
      if (trail.has(up)) {
        reader.problem(
          'parentCode',
          'cycle',
          `Đơn vị "${row.code}" nằm dưới chính nó / is its own ancestor.`,
        );
        break;
      }
      trail.add(up);
      up = byCode.get(up)!.parentCode;
    }
  }
  if (problems.length > 0) return err(importFailure(problems));
  return ok(parsed.map((p) => p.row));
}
