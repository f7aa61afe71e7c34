// Participants (người được triệu tập) from a table (CSV/XLSX): name, unit, position, ballot style.

import { err, ok, type Result } from '../../rules/index.js';
import {
  importFailure,
  resolveTable,
  RowReader,
  type ColumnSpec,
  type ImportFailure,
  type RowProblem,
  type TableRow,
} from './table.js';

/** A validated participant row. */
export interface ParticipantImportRow {
  readonly fullName: string;
  readonly unitName: string;
  readonly position: string;
  /** Name of the ballot style; null = every subject. */
  readonly ballotStyleName: string | null;
}

type ParticipantColumn = 'fullName' | 'unitName' | 'position' | 'ballotStyle';

/** Accepted column titles, Vietnamese first. */
export const PARTICIPANT_COLUMNS: readonly ColumnSpec<ParticipantColumn>[] = [
  { key: 'fullName', titles: ['Họ và tên', 'full name', 'full_name', 'Họ tên'], required: true },
  { key: 'unitName', titles: ['Đơn vị công tác', 'unit', 'Đơn vị'], required: false },
  { key: 'position', titles: ['Chức vụ', 'position', 'title'], required: false },
  { key: 'ballotStyle', titles: ['Mẫu phiếu', 'ballot style', 'ballot_style'], required: false },
];

/** Validates participant rows; `ballotStyles` are the style names known for the conference. */
export function parseParticipantRows(
  rows: readonly TableRow[],
  ballotStyles: ReadonlySet<string> = new Set(),
): Result<ParticipantImportRow[], ImportFailure> {
  const table = resolveTable(rows, PARTICIPANT_COLUMNS);
  if (!table.ok) return table;
  const problems: RowProblem[] = [];
  const result: ParticipantImportRow[] = [];
  for (const row of table.value.rows) {
    const r = new RowReader(table.value, row, problems);
    const style = r.text('ballotStyle') || null;
    if (style !== null && !ballotStyles.has(style)) {
      r.problem(
        'ballotStyle',
        'invalid_value',
        `Không có mẫu phiếu "${style}" / unknown ballot style.`,
      );
    }
    result.push({
      fullName: r.required('fullName'),
      unitName: r.text('unitName'),
      position: r.text('position'),
      ballotStyleName: style,
    });
  }
  if (problems.length > 0) return err(importFailure(problems));
  return ok(result);
}
