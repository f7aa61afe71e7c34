// Lạng Sơn, 2023: the Provincial Party Committee votes on 12 of its Standing Committee and excludes two (seed 001).

import type { DemoPerson, DemoPosition, DemoSeed } from './demo-types.js';
import { SAMPLE_MARK } from './demo-types.js';
import { madeUpParticipants, personsAsParticipants } from './participants.js';
import { ARTICLE_NAMES, sampleNames } from './sample-names.js';

const TU = 'MAU-LS-TU';
const HDND = 'MAU-LS-HDND';
const CA = 'MAU-LS-CA';
const CHQS = 'MAU-LS-CHQS';

const BTV = 'Ủy viên Ban Thường vụ Tỉnh ủy';

/** The nine other Ủy viên BTV (made up), with a position voted at the HĐND for two of them. */
const OTHER_MEMBERS: ReadonlyArray<{ title: string; atCouncil?: string }> = [
  {
    title: `${BTV}, Phó Chủ tịch Thường trực UBND tỉnh`,
    atCouncil: 'Phó Chủ tịch Thường trực UBND tỉnh',
  },
  {
    title: `${BTV}, Phó Chủ tịch Thường trực HĐND tỉnh`,
    atCouncil: 'Phó Chủ tịch Thường trực HĐND tỉnh',
  },
  { title: `${BTV}, Trưởng Ban Tổ chức Tỉnh ủy` },
  { title: `${BTV}, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy` },
  { title: `${BTV}, Trưởng Ban Tuyên giáo Tỉnh ủy` },
  { title: `${BTV}, Trưởng Ban Dân vận Tỉnh ủy` },
  { title: `${BTV}, Chánh Văn phòng Tỉnh ủy` },
  { title: `${BTV}, Bí thư Thành ủy Lạng Sơn` },
  { title: `${BTV}, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh` },
];

const madeUp = sampleNames('lang-son-btv', OTHER_MEMBERS.length + 3, ARTICLE_NAMES);
const name = (i: number): { fullName: string; gender: 'male' | 'female' } => madeUp[i]!;

const persons: DemoPerson[] = [
  {
    fullName: 'Nguyễn Quốc Đoàn',
    gender: 'male',
    birthYear: 1972,
    fromArticle: true,
    positions: [{ unitCode: TU, title: 'Bí thư Tỉnh ủy', startDate: '2021-01-10', rank: 1 }],
  },
  {
    ...name(0),
    birthYear: 1970,
    fromArticle: false,
    positions: [
      { unitCode: TU, title: 'Phó Bí thư Thường trực Tỉnh ủy', startDate: '2020-10-14', rank: 2 },
    ],
  },
  {
    fullName: 'Hồ Tiến Thiệu',
    gender: 'male',
    birthYear: 1971,
    fromArticle: true,
    positions: [
      {
        unitCode: TU,
        title: 'Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh',
        startDate: '2020-10-14',
        rank: 3,
      },
      { unitCode: HDND, title: 'Chủ tịch UBND tỉnh', startDate: '2021-06-25', rank: 1 },
    ],
  },
  ...OTHER_MEMBERS.map((m, i): DemoPerson => {
    const positions: DemoPosition[] = [
      { unitCode: TU, title: m.title, startDate: '2020-10-14', rank: 10 + i },
    ];
    if (m.atCouncil) {
      positions.push({ unitCode: HDND, title: m.atCouncil, startDate: '2021-06-25', rank: 2 + i });
    }
    return { ...name(i + 1), birthYear: 1966 + i, fromArticle: false, positions };
  }),
  {
    // Elected to the Standing Committee in 2023: "được bầu giữ chức vụ Ủy viên Ban Thường vụ Tỉnh ủy
    // trong năm 2023" → appointed-in-vote-year.
    ...name(OTHER_MEMBERS.length + 1),
    birthYear: 1974,
    fromArticle: false,
    positions: [
      {
        unitCode: TU,
        title: `${BTV}, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh`,
        startDate: '2023-03-17',
        rank: 30,
      },
      {
        unitCode: CHQS,
        title: 'Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh',
        startDate: '2022-08-01',
        rank: 1,
      },
    ],
  },
  {
    // Voted at the HĐND tỉnh (as Ủy viên UBND tỉnh) and at the Công an tỉnh: the plan keeps those two
    // places, so not a third time at the Tỉnh ủy → voted-at-max-places.
    ...name(OTHER_MEMBERS.length + 2),
    birthYear: 1973,
    fromArticle: false,
    positions: [
      { unitCode: TU, title: `${BTV}, Giám đốc Công an tỉnh`, startDate: '2020-10-14', rank: 31 },
      {
        unitCode: HDND,
        title: 'Ủy viên UBND tỉnh, Giám đốc Công an tỉnh',
        startDate: '2021-06-25',
        rank: 20,
      },
      { unitCode: CA, title: 'Giám đốc Công an tỉnh', startDate: '2020-05-20', rank: 1 },
    ],
  },
];

const deputies = sampleNames('lang-son-ca', 2, [
  ...ARTICLE_NAMES,
  ...persons.map((p) => p.fullName),
]);
const policeDeputies: DemoPerson[] = deputies.map((n, i) => ({
  ...n,
  birthYear: 1975 + i,
  fromArticle: false,
  positions: [
    { unitCode: CA, title: 'Phó Giám đốc Công an tỉnh', startDate: '2021-03-01', rank: 10 + i },
  ],
}));

/** Lạng Sơn. */
export const LANG_SON: DemoSeed = {
  key: 'lang-son',
  headline:
    'Hội nghị Ban Chấp hành Đảng bộ tỉnh Lạng Sơn lấy phiếu tín nhiệm đối với Ủy viên Ban Thường vụ Tỉnh ủy',
  units: [
    {
      code: TU,
      name: 'Ban Chấp hành Đảng bộ tỉnh Lạng Sơn',
      parentCode: null,
      kind: 'party-committee',
    },
    { code: HDND, name: 'HĐND tỉnh Lạng Sơn', parentCode: TU, kind: 'peoples-council' },
    { code: CA, name: 'Công an tỉnh Lạng Sơn', parentCode: TU, kind: 'police' },
    { code: CHQS, name: 'Bộ Chỉ huy Quân sự tỉnh Lạng Sơn', parentCode: TU, kind: 'military' },
  ],
  persons: [...persons, ...policeDeputies],
  round: {
    plan: {
      number: '180-KH/TU',
      date: '2023-07-05',
      issuingBody: `Ban Thường vụ Tỉnh ủy Lạng Sơn ${SAMPLE_MARK}`,
    },
    title: `Lấy phiếu tín nhiệm giữa nhiệm kỳ 2020 – 2025, tỉnh Lạng Sơn ${SAMPLE_MARK}`,
    ruleSetId: 'qd96-2023',
    year: 2023,
    unitCodes: [TU, HDND, CA, CHQS],
    // The article keeps the HĐND tỉnh and the Công an tỉnh for the police director (rules.md §3.2).
    placePriority: ['peoples-council', 'workplace', 'highest-party-committee'],
  },
  conferences: [
    {
      key: 'lang-son',
      unitCode: TU,
      title:
        'Hội nghị Ban Chấp hành Đảng bộ tỉnh lấy phiếu tín nhiệm đối với các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy',
      date: '2023-12-21',
      place: `Hội trường Tỉnh ủy Lạng Sơn ${SAMPLE_MARK}`,
      chair: 'Nguyễn Quốc Đoàn – Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy',
      localPlan: null,
      participants: [
        ...personsAsParticipants(persons, 'Tỉnh ủy Lạng Sơn'),
        ...madeUpParticipants('lang-son-bch', 36, [
          { unitName: 'Ban Chấp hành Đảng bộ tỉnh', position: 'Tỉnh ủy viên' },
        ]),
      ],
      comments: { count: 0, clarifications: 0 },
      countingCommitteeHead: null,
      fromArticle: true,
    },
    {
      key: 'lang-son-hdnd',
      unitCode: HDND,
      title: `Kỳ họp HĐND tỉnh Lạng Sơn lấy phiếu tín nhiệm ${SAMPLE_MARK}`,
      date: '2023-12-08',
      place: `Hội trường HĐND tỉnh Lạng Sơn ${SAMPLE_MARK}`,
      chair: `Chủ tịch HĐND tỉnh ${SAMPLE_MARK}`,
      ruleSetId: 'nq96-2023',
      localPlan: null,
      participants: madeUpParticipants('lang-son-hdnd', 50, [
        { unitName: 'HĐND tỉnh Lạng Sơn', position: 'Đại biểu HĐND tỉnh' },
      ]),
      comments: { count: 0, clarifications: 0 },
      countingCommitteeHead: null,
      fromArticle: false,
    },
    {
      key: 'lang-son-ca',
      unitCode: CA,
      title: `Hội nghị lấy phiếu tín nhiệm lãnh đạo Công an tỉnh Lạng Sơn ${SAMPLE_MARK}`,
      date: '2023-11-20',
      place: `Hội trường Công an tỉnh Lạng Sơn ${SAMPLE_MARK}`,
      chair: `Giám đốc Công an tỉnh ${SAMPLE_MARK}`,
      localPlan: null,
      participants: madeUpParticipants('lang-son-ca-hn', 30, [
        { unitName: 'Công an tỉnh Lạng Sơn', position: 'Trưởng phòng' },
        { unitName: 'Công an tỉnh Lạng Sơn', position: 'Trưởng Công an huyện' },
      ]),
      comments: { count: 0, clarifications: 0 },
      countingCommitteeHead: null,
      fromArticle: false,
    },
  ],
};
