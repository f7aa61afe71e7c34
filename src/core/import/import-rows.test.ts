import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv.js';
import { parseParticipantRows } from './participant-rows.js';
import { parsePersonRows } from './person-rows.js';
import { parseDateCell } from './table.js';
import { parseUnitRows } from './unit-rows.js';

const csv = (text: string) => {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
};

describe('parseUnitRows', () => {
  it('reads Vietnamese headers in any case and order, with or without diacritics', () => {
    const result = parseUnitRows(
      csv(
        'TEN DON VI,Mã đơn vị,Mã đơn vị cấp trên,Loại\nTỉnh ủy Lạng Sơn,TU,,Cấp ủy\nCông an tỉnh,CA,TU,Công an\n',
      ),
    );
    expect(result).toEqual({
      ok: true,
      value: [
        { code: 'TU', name: 'Tỉnh ủy Lạng Sơn', parentCode: null, kind: 'party-committee' },
        { code: 'CA', name: 'Công an tỉnh', parentCode: 'TU', kind: 'police' },
      ],
    });
  });

  it('names the row and the column of every problem', () => {
    const result = parseUnitRows(
      csv('Mã đơn vị,Tên đơn vị,Mã đơn vị cấp trên\nA,Một,\nA,Trùng,\nB,,A\nC,Ba,ZZ\n'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [3, 'Mã đơn vị', 'duplicate'],
      [4, 'Tên đơn vị', 'required'],
      [5, 'Mã đơn vị cấp trên', 'unknown_parent'],
    ]);
    expect(result.error.message).toMatch(/^Dòng 3, cột "Mã đơn vị"/);
  });

  it('accepts a parent already in the store and refuses a cycle', () => {
    expect(parseUnitRows(csv('code,name,parent\nX,X,ROOT\n'), new Set(['ROOT'])).ok).toBe(true);
    const cycle = parseUnitRows(csv('code,name,parent\nX,X,Y\nY,Y,X\n'));
    expect(cycle.ok ? [] : cycle.error.problems.map((p) => p.code)).toEqual(['cycle', 'cycle']);
  });

  it('reports a missing column by its Vietnamese title', () => {
    const result = parseUnitRows(csv('Mã đơn vị,Tên đơn vị\nA,B\n'));
    expect(result.ok ? null : result.error.problems[0]).toMatchObject({
      line: 1,
      column: 'Mã đơn vị cấp trên',
      code: 'missing_column',
    });
  });
});

describe('parsePersonRows', () => {
  const header =
    'Mã cán bộ,Họ và tên,Giới tính,Năm sinh,Mã đơn vị,Chức vụ,Ngày nhận chức,Đã có thông báo nghỉ hưu,Thứ tự\n';

  it('reads one position per row, Vietnamese dates and yes/no', () => {
    const result = parsePersonRows(
      csv(
        header + 'CB01,Trần Anh Cường,Nam,1978,UBND-DH,Phó Chủ tịch UBND huyện,5/7/2021,không,2\n',
      ),
      new Set(['UBND-DH']),
    );
    expect(result).toEqual({
      ok: true,
      value: [
        {
          personCode: 'CB01',
          fullName: 'Trần Anh Cường',
          gender: 'male',
          birthYear: 1978,
          unitCode: 'UBND-DH',
          title: 'Phó Chủ tịch UBND huyện',
          startDate: '2021-07-05',
          placeKind: null,
          retirementNotified: false,
          illnessLeaveSince: null,
          rank: 2,
        },
      ],
    });
  });

  it('names bad dates, unknown units, bad years and bad yes/no by row and column', () => {
    const result = parsePersonRows(
      csv(header + ',Nguyễn Văn A,Nam,19x8,NOPE,Giám đốc,31/2/2023,có lẽ,\n'),
      new Set(['UBND-DH']),
    );
    expect(result.ok ? [] : result.error.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [2, 'Mã đơn vị', 'invalid_value'],
      [2, 'Ngày nhận chức', 'invalid_date'],
      [2, 'Năm sinh', 'invalid_number'],
      [2, 'Đã có thông báo nghỉ hưu', 'invalid_value'],
    ]);
  });
});

describe('parseParticipantRows', () => {
  it('reads the summoned list and checks ballot style names', () => {
    const rows = csv(
      'Họ và tên,Đơn vị công tác,Chức vụ,Mẫu phiếu\nA,B,C,Phiếu 1\nD,E,F,\nG,H,I,Phiếu 9\n',
    );
    const result = parseParticipantRows(rows, new Set(['Phiếu 1']));
    expect(result.ok ? null : result.error.problems.map((p) => [p.line, p.column])).toEqual([
      [4, 'Mẫu phiếu'],
    ]);
    expect(parseParticipantRows(rows.slice(0, 3), new Set(['Phiếu 1'])).ok).toBe(true);
  });
});

describe('parseDateCell', () => {
  it('reads dd/mm/yyyy and ISO, refuses impossible dates', () => {
    expect(parseDateCell('28/7/2023')).toBe('2023-07-28');
    expect(parseDateCell('2023-07-28')).toBe('2023-07-28');
    expect(parseDateCell('29.02.2024')).toBe('2024-02-29');
    expect(parseDateCell('29/02/2023')).toBeNull();
    expect(parseDateCell('7/28/2023')).toBeNull();
  });
});
