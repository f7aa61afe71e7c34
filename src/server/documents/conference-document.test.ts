import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type {
  BallotStyle,
  Conference,
  ConferenceSubject,
  Participant,
  Round,
  Unit,
} from '../../core/model/index.js';
import { conferenceDocumentSchema } from '../../documents/index.js';
import { PLAN_DEADLINES } from '../../rules/index.js';
import {
  conferenceDocumentData,
  conferenceSheets,
  localityOf,
  splitNameAndTitle,
  type ConferenceDocumentSource,
} from './conference-document.js';

const at = '2023-09-01T00:00:00.000Z';
const stamps = { createdAt: at, updatedAt: at };

const unit: Unit = {
  id: 'u-ubnd',
  code: 'UBND-MC',
  name: 'Ủy ban nhân dân thành phố Móng Cái',
  parentId: 'u-tu',
  kind: 'peoples-committee',
  sample: true,
  ...stamps,
};
const parent: Unit = {
  ...unit,
  id: 'u-tu',
  code: 'TU-MC',
  name: 'Thành ủy Móng Cái',
  parentId: null,
};
const round: Round = {
  id: 'r1',
  plan: { number: '274-KH/TU', date: null, issuingBody: 'Ban Thường vụ Thành ủy' },
  title:
    'Lấy phiếu tín nhiệm đối với các chức danh, chức vụ lãnh đạo, quản lý trong hệ thống chính trị thành phố, nhiệm kỳ 2020 - 2025',
  ruleSetId: 'qd96-2023',
  year: 2023,
  unitIds: [unit.id],
  deadlines: PLAN_DEADLINES,
  placePriority: ['highest-party-committee', 'peoples-council', 'workplace'],
  sample: true,
  ...stamps,
};
const conference: Conference = {
  id: 'c1',
  roundId: round.id,
  unitId: unit.id,
  title:
    'Hội nghị lấy phiếu tín nhiệm đối với chức danh Phó Chủ tịch UBND thành phố (không phải là Ủy viên Ban Thường vụ Thành ủy)',
  date: '2023-09-29',
  place: 'Hội trường Ủy ban nhân dân thành phố Móng Cái',
  chair: 'Hoàng Minh Đức, Phó Bí thư Thành ủy, Chủ tịch UBND thành phố',
  ruleSetId: 'qd96-2023',
  placeKind: 'workplace',
  countingMode: 'paper',
  localPlan: { number: '267/KH-UBND', date: null, issuingBody: 'Ủy ban nhân dân thành phố' },
  status: 'confirmed',
  sample: true,
  ...stamps,
};
const subject = (id: string, personId: string, order: number): ConferenceSubject => ({
  id,
  conferenceId: conference.id,
  personId,
  positionHoldingIds: [],
  title: 'Phó Chủ tịch UBND thành phố',
  order,
  proposal: 'vote',
  exclusions: [],
  decision: null,
  overrideReason: null,
  decidedBy: null,
  decidedAt: null,
  ...stamps,
});
const subjects = [
  subject('s-khanh', 'p-khanh', 2),
  subject('s-lua', 'p-lua', 1),
  { ...subject('s-x', 'p-x', 3), decision: 'exclude' as const, overrideReason: 'nghỉ hưu' },
];
const style: BallotStyle = {
  id: 'pho-chu-tich-ubnd',
  conferenceId: conference.id,
  name: 'chức danh Phó Chủ tịch UBND thành phố',
  subjectIds: ['s-lua', 's-khanh', 's-x'],
  ...stamps,
};
const participants: Pick<Participant, 'ballotStyleId' | 'attendance'>[] = Array.from(
  { length: 183 },
  (_, i) => ({ ballotStyleId: style.id, attendance: i < 176 ? 'present' : 'absent' }),
);

const source: ConferenceDocumentSource = {
  conference,
  unit,
  parentUnit: parent,
  round,
  subjects,
  persons: [
    { id: 'p-lua', fullName: 'Trần Thị Lụa' },
    { id: 'p-khanh', fullName: 'Đỗ Quốc Khánh' },
    { id: 'p-x', fullName: 'Người được loại trừ' },
  ],
  ballotStyles: [style],
  participants,
  committee: [
    { fullName: 'Vũ Đức Thắng, Phó Trưởng phòng Nội vụ', isHead: false },
    { fullName: 'Phạm Thị Thu Hằng, Chánh Thanh tra thành phố', isHead: true },
    { fullName: 'Nguyễn Thị Ngọc Ánh, Chuyên viên Văn phòng HĐND và UBND', isHead: false },
  ],
  counts: [
    {
      sheetId: style.id,
      issued: 176,
      collected: 176,
      voidBallots: 1,
      persons: [
        {
          personId: 'p-lua',
          name: 'Trần Thị Lụa',
          position: 'Phó Chủ tịch UBND thành phố',
          counts: { high: 158, confidence: 15, low: 2, invalid: 1 },
        },
        {
          personId: 'p-khanh',
          name: 'Đỗ Quốc Khánh',
          position: 'Phó Chủ tịch UBND thành phố',
          counts: { high: 149, confidence: 22, low: 3, invalid: 2 },
        },
      ],
    },
  ],
  // 08:00 and 10:45 in Vietnam (UTC+7).
  openedAt: '2023-09-29T01:00:00.000Z',
  closedAt: '2023-09-29T03:45:00.000Z',
  details: {
    issuingBody: { superior: 'Thành ủy Móng Cái', name: 'Ban cán sự đảng UBND thành phố' },
    localPlanSubject: 'về việc lấy phiếu tín nhiệm đối với các Phó Chủ tịch UBND thành phố',
    report: {
      number: '15-BC/BCSĐ',
      to: 'Ban Thường vụ Thành ủy Móng Cái',
      signer: { onBehalfOf: 'T/M Ban cán sự đảng', title: 'Bí thư', name: 'Hoàng Minh Đức' },
      recipients: ['Ban Tổ chức Thành ủy'],
    },
  },
};

describe('conferenceDocumentData', () => {
  it('reproduces the frozen sample conference from domain data', () => {
    const fixture = conferenceDocumentSchema.parse(
      JSON.parse(
        readFileSync(
          new URL('../../../test/fixtures/documents/sample-conference.json', import.meta.url),
          'utf8',
        ),
      ),
    );
    const mapped = conferenceDocumentSchema.parse(conferenceDocumentData(source));
    expect(mapped).toEqual(fixture);
  });

  it('prints ballots before the count: no figures, no committee, defaults from the domain', () => {
    const data = conferenceDocumentData({
      ...source,
      counts: null,
      committee: [],
      openedAt: null,
      closedAt: null,
      details: null,
    });
    expect(data.ballotStyles[0]?.persons).toEqual([
      { stt: 1, name: 'Trần Thị Lụa', position: 'Phó Chủ tịch UBND thành phố' },
      { stt: 2, name: 'Đỗ Quốc Khánh', position: 'Phó Chủ tịch UBND thành phố' },
    ]);
    expect(data.ballotStyles[0]).not.toHaveProperty('ballotsIssued');
    expect(data.issuingBody).toEqual({
      superior: 'Thành ủy Móng Cái',
      name: 'Ủy ban nhân dân thành phố Móng Cái',
    });
    expect(data.conference).toMatchObject({ time: '08:00', locality: 'Móng Cái', present: 176 });
    // Opened or confirmed on another day than the conference's: no time from it.
    const otherDay = conferenceDocumentData({
      ...source,
      details: null,
      openedAt: '2023-09-28T01:00:00.000Z',
      closedAt: '2023-09-29T17:30:00.000Z',
    });
    expect(otherDay.conference.time).toBe('08:00');
    expect(otherDay.conference).not.toHaveProperty('closedAt');
    expect(data.conference).not.toHaveProperty('closedAt');
    expect(data.planReferences[2]).toBe('Kế hoạch số 267/KH-UBND của Ủy ban nhân dân thành phố');
    expect(data.report).toEqual({
      to: 'Ban Thường vụ Thành ủy',
      signer: { title: 'Chủ trì hội nghị', name: 'Hoàng Minh Đức' },
      recipients: [],
    });
  });

  it('adds the ballot of every subject when a participant has no style, or when there is no style', () => {
    const mixed = conferenceSheets({
      ...source,
      participants: [...participants, { ballotStyleId: null, attendance: 'present' }],
    });
    expect(mixed.map((s) => s.sheetId)).toEqual(['pho-chu-tich-ubnd', 'all']);
    const none = conferenceSheets({ ...source, ballotStyles: [] });
    expect(none).toHaveLength(1);
    expect(none[0]?.title).toBe(
      'chức danh Phó Chủ tịch UBND thành phố (không phải là Ủy viên Ban Thường vụ Thành ủy)',
    );
    expect(none[0]?.subjects.map((s) => s.id)).toEqual(['s-lua', 's-khanh']);
  });

  it('puts the head of the committee first and normalises to NFC', () => {
    const decomposed = 'Nguye\u0302\u0303n Văn A, Trưởng ban'.normalize('NFD');
    const data = conferenceDocumentData({
      ...source,
      committee: [
        { fullName: 'Lê B', isHead: false },
        { fullName: decomposed, isHead: true },
      ],
    });
    expect(data.countingCommittee[0]).toEqual({
      name: 'Nguyễn Văn A',
      position: 'Trưởng ban',
      role: 'head',
    });
  });
});

describe('names, titles and localities', () => {
  it('splits "name, title" at the first comma or dash', () => {
    expect(splitNameAndTitle('Đặng Văn Tuấn')).toEqual({ name: 'Đặng Văn Tuấn' });
    expect(splitNameAndTitle('Đặng Văn Tuấn - Bí thư Huyện ủy')).toEqual({
      name: 'Đặng Văn Tuấn',
      position: 'Bí thư Huyện ủy',
    });
  });

  it('finds the locality a unit name ends with', () => {
    expect(localityOf('Huyện ủy Đầm Hà')).toBe('Đầm Hà');
    expect(localityOf('Sở Xây dựng tỉnh Lạng Sơn')).toBe('Lạng Sơn');
    expect(localityOf('Ban Chấp hành Đảng bộ tỉnh Lạng Sơn')).toBe('Lạng Sơn');
    expect(localityOf('Trung tâm Y tế')).toBe('Trung tâm Y tế');
  });
});
