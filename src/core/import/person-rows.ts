// Persons with positions from a table (CSV/XLSX): one row per position held, validated by row and column.

import { err, ok, type PlaceKind, type Result } from '../../rules/index.js';
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

/** A validated person-and-position row. */
export interface PersonImportRow {
  readonly personCode: string | null;
  readonly fullName: string;
  readonly gender: 'male' | 'female' | null;
  readonly birthYear: number | null;
  readonly unitCode: string;
  readonly title: string;
  readonly startDate: string;
  /** null: from the unit's kind. */
  readonly placeKind: PlaceKind | null;
  readonly retirementNotified: boolean;
  readonly illnessLeaveSince: string | null;
  /** Order on lists and ballots; 100 when not given. */
  readonly rank: number;
}

type PersonColumn =
  | 'personCode'
  | 'fullName'
  | 'gender'
  | 'birthYear'
  | 'unitCode'
  | 'title'
  | 'startDate'
  | 'placeKind'
  | 'retirement'
  | 'illness'
  | 'rank';

/** Accepted column titles, Vietnamese first. */
export const PERSON_COLUMNS: readonly ColumnSpec<PersonColumn>[] = [
  { key: 'personCode', titles: ['Mã cán bộ', 'person code', 'person_code'], required: false },
  { key: 'fullName', titles: ['Họ và tên', 'full name', 'full_name', 'Họ tên'], required: true },
  { key: 'gender', titles: ['Giới tính', 'gender'], required: false },
  { key: 'birthYear', titles: ['Năm sinh', 'birth year', 'birth_year'], required: false },
  { key: 'unitCode', titles: ['Mã đơn vị', 'unit code', 'unit_code'], required: true },
  { key: 'title', titles: ['Chức vụ', 'title', 'Chức danh', 'position'], required: true },
  {
    key: 'startDate',
    titles: ['Ngày nhận chức', 'start date', 'start_date', 'Ngày bổ nhiệm'],
    required: true,
  },
  { key: 'placeKind', titles: ['Nơi lấy phiếu', 'place kind', 'place_kind'], required: false },
  {
    key: 'retirement',
    titles: ['Đã có thông báo nghỉ hưu', 'retirement notified', 'retirement_notified', 'Nghỉ hưu'],
    required: false,
  },
  {
    key: 'illness',
    titles: ['Nghỉ điều trị bệnh từ ngày', 'illness leave since', 'illness_leave_since'],
    required: false,
  },
  { key: 'rank', titles: ['Thứ tự', 'rank', 'order'], required: false },
];

const PLACE_WORDS: ReadonlyArray<readonly [string, PlaceKind]> = [
  ['highestpartycommittee', 'highest-party-committee'],
  ['capuy', 'highest-party-committee'],
  ['capuycapcaonhat', 'highest-party-committee'],
  ['peoplescouncil', 'peoples-council'],
  ['hdnd', 'peoples-council'],
  ['workplace', 'workplace'],
  ['noicongtac', 'workplace'],
];

/** Validates person rows: name, unit code (must be among `unitCodes`), title and start date required. */
export function parsePersonRows(
  rows: readonly TableRow[],
  unitCodes: ReadonlySet<string>,
): Result<PersonImportRow[], ImportFailure> {
  const table = resolveTable(rows, PERSON_COLUMNS);
  if (!table.ok) return table;
  const problems: RowProblem[] = [];
  const result: PersonImportRow[] = [];
  const seen = new Map<string, number>();
  for (const row of table.value.rows) {
    const r = new RowReader(table.value, row, problems);
    const fullName = r.required('fullName');
    const unitCode = r.required('unitCode');
    if (unitCode !== '' && !unitCodes.has(unitCode)) {
      r.problem(
        'unitCode',
        'invalid_value',
        `Không có đơn vị mã "${unitCode}" / unknown unit code.`,
      );
    }
    const title = r.required('title');
    const startDate = r.date('startDate', true) ?? '';
    const genderWord = foldTitle(r.text('gender'));
    let gender: 'male' | 'female' | null = null;
    if (['nam', 'male', 'm'].includes(genderWord)) gender = 'male';
    else if (['nu', 'female', 'f'].includes(genderWord)) gender = 'female';
    else if (genderWord !== '')
      r.problem('gender', 'invalid_value', 'Ghi "Nam" hoặc "Nữ" / write Nam or Nữ.');
    const placeWord = foldTitle(r.text('placeKind'));
    let placeKind: PlaceKind | null = null;
    if (placeWord !== '') {
      placeKind = PLACE_WORDS.find(([w]) => w === placeWord)?.[1] ?? null;
      if (placeKind === null) {
        r.problem('placeKind', 'invalid_value', 'Ghi "cấp ủy", "HĐND" hoặc "nơi công tác".');
      }
    }
    const personCode = r.text('personCode') || null;
    const key = `${personCode ?? fullName}\u0000${unitCode}\u0000${title}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      r.problem('title', 'duplicate', `Trùng với dòng ${earlier} / duplicate of line ${earlier}.`);
    } else {
      seen.set(key, r.line);
    }
    result.push({
      personCode,
      fullName,
      gender,
      birthYear: r.integer('birthYear', 1900, 2100),
      unitCode,
      title,
      startDate,
      placeKind,
      retirementNotified: r.yesNo('retirement'),
      illnessLeaveSince: r.date('illness', false),
      rank: r.integer('rank', 0, 100_000) ?? 100,
    });
  }
  if (problems.length > 0) return err(importFailure(problems));
  return ok(result);
}
