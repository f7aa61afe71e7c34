// Đầm Hà, 20/9/2023: the vote on Trần Anh Cường, Phó Chủ tịch UBND huyện (seed article 000).

import type { DemoPerson, DemoSeed } from './demo-types.js';
import { SAMPLE_MARK } from './demo-types.js';
import { madeUpParticipants, personsAsParticipants } from './participants.js';

const HU = 'MAU-DH-HU';
const UBND = 'MAU-DH-UBND';

const persons: DemoPerson[] = [
  {
    fullName: 'Trần Anh Cường',
    gender: 'male',
    birthYear: 1978,
    fromArticle: true,
    positions: [
      {
        unitCode: UBND,
        title: 'Huyện ủy viên, Phó Chủ tịch UBND huyện',
        startDate: '2021-06-25',
        rank: 10,
      },
    ],
  },
  {
    fullName: 'Hoàng Vĩnh Khuyến',
    gender: 'male',
    birthYear: 1975,
    fromArticle: true,
    positions: [
      {
        unitCode: HU,
        title: 'Phó Bí thư Huyện ủy, Chủ tịch UBND huyện',
        startDate: '2020-09-20',
        rank: 3,
      },
    ],
  },
  {
    fullName: 'Đặng Văn Tuấn',
    gender: 'male',
    birthYear: 1972,
    fromArticle: true,
    positions: [
      {
        unitCode: HU,
        title: 'Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện',
        startDate: '2020-09-20',
        rank: 2,
      },
    ],
  },
];

/** Đầm Hà (Quảng Ninh). */
export const DAM_HA: DemoSeed = {
  key: 'dam-ha',
  headline:
    'Lấy phiếu tín nhiệm đối với cán bộ giữ chức danh, chức vụ lãnh đạo diện Ban Thường vụ Tỉnh uỷ, Ban Thường vụ Huyện uỷ quản lý',
  units: [
    { code: HU, name: 'Huyện ủy Đầm Hà', parentCode: null, kind: 'party-committee' },
    { code: UBND, name: 'UBND huyện Đầm Hà', parentCode: HU, kind: 'peoples-committee' },
  ],
  persons,
  round: {
    plan: {
      number: '96-KH/HU',
      date: '2023-08-10',
      issuingBody: `Ban Thường vụ Huyện ủy Đầm Hà ${SAMPLE_MARK}`,
    },
    title: `Lấy phiếu tín nhiệm giữa nhiệm kỳ 2020 – 2025, huyện Đầm Hà ${SAMPLE_MARK}`,
    ruleSetId: 'qd96-2023',
    year: 2023,
    unitCodes: [HU, UBND],
  },
  conferences: [
    {
      key: 'dam-ha',
      unitCode: UBND,
      title:
        'Hội nghị lấy phiếu tín nhiệm đối với cán bộ giữ chức danh, chức vụ lãnh đạo diện Ban Thường vụ Tỉnh uỷ, Ban Thường vụ Huyện uỷ quản lý',
      date: '2023-09-20',
      place: `Hội trường Trung tâm Chính trị huyện Đầm Hà ${SAMPLE_MARK}`,
      chair: 'Hoàng Vĩnh Khuyến – Phó Bí thư Huyện ủy, Chủ tịch UBND huyện',
      localPlan: null,
      participants: [
        ...personsAsParticipants(persons, 'Huyện Đầm Hà'),
        ...madeUpParticipants('dam-ha', 54, [
          { unitName: 'Huyện ủy Đầm Hà', position: 'Ủy viên Ban Thường vụ Huyện ủy' },
          { unitName: 'HĐND huyện Đầm Hà', position: 'Phó Chủ tịch HĐND huyện' },
          { unitName: 'Ban Tổ chức Huyện ủy', position: 'Trưởng ban' },
          { unitName: 'Văn phòng Huyện ủy', position: 'Chánh Văn phòng' },
          { unitName: 'Văn phòng HĐND và UBND huyện', position: 'Chánh Văn phòng' },
          { unitName: 'Phòng Nội vụ', position: 'Trưởng phòng' },
          { unitName: 'Phòng Tài chính – Kế hoạch', position: 'Trưởng phòng' },
          { unitName: 'Phòng Kinh tế và Hạ tầng', position: 'Phó Trưởng phòng' },
          { unitName: 'Phòng Giáo dục và Đào tạo', position: 'Trưởng phòng' },
          { unitName: 'Trung tâm Truyền thông và Văn hóa', position: 'Giám đốc' },
          { unitName: 'Ban Quản lý dự án đầu tư xây dựng', position: 'Phó Giám đốc' },
          { unitName: 'Phòng Tài nguyên và Môi trường', position: 'Phó Trưởng phòng' },
        ]),
      ],
      comments: { count: 0, clarifications: 0 },
      countingCommitteeHead: null,
      fromArticle: true,
    },
  ],
};
