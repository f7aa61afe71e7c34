// Móng Cái, 29/9/2023: two Phó Chủ tịch UBND TP voted on by 183 leaders after 142 comments (seed 002).

import type { DemoParticipant, DemoPerson, DemoSeed } from './demo-types.js';
import { SAMPLE_MARK } from './demo-types.js';
import { madeUpParticipants, type Slot } from './participants.js';

const TU = 'MAU-MC-TU';
const UBND = 'MAU-MC-UBND';

const persons: DemoPerson[] = [
  {
    fullName: 'Nguyễn Thu Hương',
    gender: 'female',
    birthYear: 1979,
    fromArticle: true,
    positions: [
      { unitCode: UBND, title: 'Phó Chủ tịch UBND TP Móng Cái', startDate: '2021-07-01', rank: 10 },
    ],
  },
  {
    fullName: 'Nguyễn Phúc Vinh',
    gender: 'male',
    birthYear: 1977,
    fromArticle: true,
    positions: [
      { unitCode: UBND, title: 'Phó Chủ tịch UBND TP Móng Cái', startDate: '2021-07-01', rank: 11 },
    ],
  },
  // Leaders named in the article, voted on elsewhere (they are Ủy viên BTV): positions at the Thành ủy.
  {
    fullName: 'Hoàng Bá Nam',
    gender: 'male',
    birthYear: 1974,
    fromArticle: true,
    positions: [
      {
        unitCode: TU,
        title: 'Tỉnh ủy viên, Bí thư Thành ủy Móng Cái',
        startDate: '2020-08-15',
        rank: 1,
      },
    ],
  },
  {
    fullName: 'Hồ Quang Huy',
    gender: 'male',
    birthYear: 1976,
    fromArticle: true,
    positions: [
      {
        unitCode: TU,
        title: 'Phó Bí thư Thành ủy, Chủ tịch UBND TP',
        startDate: '2020-08-15',
        rank: 2,
      },
    ],
  },
  {
    fullName: 'Đỗ Văn Tuấn',
    gender: 'male',
    birthYear: 1975,
    fromArticle: true,
    positions: [
      {
        unitCode: TU,
        title: 'Ủy viên BTV Thành ủy, Phó Chủ tịch Thường trực UBND TP',
        startDate: '2020-08-15',
        rank: 5,
      },
    ],
  },
];

/** The summoned leaders the article names (they are among the 183). */
const NAMED: DemoParticipant[] = [
  {
    fullName: 'Hồ Quang Huy',
    unitName: 'UBND TP Móng Cái',
    position: 'Chủ tịch UBND TP',
    fromArticle: true,
  },
  {
    fullName: 'Đỗ Văn Tuấn',
    unitName: 'UBND TP Móng Cái',
    position: 'Phó Chủ tịch Thường trực UBND TP',
    fromArticle: true,
  },
  {
    fullName: 'Nguyễn Thu Hương',
    unitName: 'UBND TP Móng Cái',
    position: 'Phó Chủ tịch UBND TP',
    fromArticle: true,
  },
  {
    fullName: 'Nguyễn Phúc Vinh',
    unitName: 'UBND TP Móng Cái',
    position: 'Phó Chủ tịch UBND TP',
    fromArticle: true,
  },
  {
    fullName: 'Phạm Văn Hoan',
    unitName: 'Văn phòng HĐND - UBND TP',
    position: 'Chánh Văn phòng',
    fromArticle: true,
  },
  {
    fullName: 'Hoàng Anh Tuất',
    unitName: 'Phòng Nội vụ',
    position: 'Trưởng phòng',
    fromArticle: true,
  },
  {
    fullName: 'Phùng Thị Thu Vân',
    unitName: 'Thanh tra TP',
    position: 'Chánh Thanh tra TP',
    fromArticle: true,
  },
];

/** "Chủ tịch, Phó Chủ tịch, Phó văn phòng và Chánh văn phòng, Trưởng, Phó các cơ quan, đơn vị, các trường học". */
const SLOTS: Slot[] = [
  ...[
    'Phòng Tài chính – Kế hoạch',
    'Phòng Quản lý đô thị',
    'Phòng Kinh tế',
    'Phòng Tài nguyên và Môi trường',
    'Phòng Giáo dục và Đào tạo',
    'Phòng Văn hóa và Thông tin',
    'Phòng Lao động – Thương binh và Xã hội',
    'Phòng Y tế',
    'Phòng Tư pháp',
  ].flatMap((unitName) => [
    { unitName, position: 'Trưởng phòng' },
    { unitName, position: 'Phó Trưởng phòng' },
  ]),
  ...[
    'Hải Hòa',
    'Trà Cổ',
    'Ka Long',
    'Ninh Dương',
    'Hòa Lạc',
    'Trần Phú',
    'Hải Yên',
    'Bình Ngọc',
    'Hải Xuân',
    'Hải Đông',
    'Hải Sơn',
    'Hải Tiến',
    'Quảng Nghĩa',
    'Vạn Ninh',
    'Vĩnh Trung',
    'Vĩnh Thực',
    'Bắc Sơn',
  ].flatMap((place) => [
    { unitName: `UBND ${place}`, position: 'Chủ tịch UBND' },
    { unitName: `UBND ${place}`, position: 'Phó Chủ tịch UBND' },
  ]),
  ...[
    'Trường THCS Trần Phú',
    'Trường THCS Hải Hòa',
    'Trường Tiểu học Ka Long',
    'Trường Mầm non Hoa Mai',
  ].flatMap((unitName) => [
    { unitName, position: 'Hiệu trưởng' },
    { unitName, position: 'Phó Hiệu trưởng' },
  ]),
  { unitName: 'Văn phòng HĐND - UBND TP', position: 'Phó Chánh Văn phòng' },
  { unitName: 'Trung tâm Truyền thông và Văn hóa', position: 'Giám đốc' },
  { unitName: 'Ban Quản lý dự án đầu tư xây dựng', position: 'Giám đốc' },
];

/** Móng Cái (Quảng Ninh). */
export const MONG_CAI: DemoSeed = {
  key: 'mong-cai',
  headline: 'Hội nghị lấy phiếu tín nhiệm đối với chức danh Phó Chủ tịch UBND TP Móng Cái',
  units: [
    { code: TU, name: 'Thành ủy Móng Cái', parentCode: null, kind: 'party-committee' },
    { code: UBND, name: 'UBND thành phố Móng Cái', parentCode: TU, kind: 'peoples-committee' },
  ],
  persons,
  round: {
    // "Kế hoạch số 274 của Ban Thường vụ Thành uỷ": the article gives neither the suffix nor the date.
    plan: { number: '274', date: null, issuingBody: 'Ban Thường vụ Thành ủy Móng Cái' },
    title: `Lấy phiếu tín nhiệm đối với các chức danh, chức vụ lãnh đạo, quản lý trong hệ thống chính trị TP Móng Cái, nhiệm kỳ 2020 – 2025 ${SAMPLE_MARK}`,
    ruleSetId: 'qd96-2023',
    year: 2023,
    unitCodes: [TU, UBND],
  },
  conferences: [
    {
      key: 'mong-cai',
      unitCode: UBND,
      title:
        'Hội nghị lấy phiếu tín nhiệm đối với chức danh Phó Chủ tịch UBND TP Móng Cái (không phải là Uỷ viên BTV)',
      date: '2023-09-29',
      place: `Hội trường UBND TP Móng Cái ${SAMPLE_MARK}`,
      chair: 'Hồ Quang Huy – Phó Bí thư Thành ủy, Chủ tịch UBND TP',
      localPlan: { number: '267', date: null, issuingBody: 'UBND TP Móng Cái' },
      participants: [...NAMED, ...madeUpParticipants('mong-cai', 183 - NAMED.length, SLOTS)],
      comments: { count: 142, clarifications: 0 },
      countingCommitteeHead: 'Phùng Thị Thu Vân',
      fromArticle: true,
    },
  ],
};
