// Sở Xây dựng, 26/9/2023: the Director Nguyễn Thành Hưng and the Deputy Directors (seed 003).

import type { DemoPerson, DemoSeed } from './demo-types.js';
import { SAMPLE_MARK } from './demo-types.js';
import { madeUpParticipants, personsAsParticipants } from './participants.js';
import { ARTICLE_NAMES, sampleNames } from './sample-names.js';

const TU = 'MAU-TP-TU';
const SXD = 'MAU-SXD';

const deputies = sampleNames('so-xay-dung-pgd', 3, ARTICLE_NAMES);

const persons: DemoPerson[] = [
  {
    fullName: 'Nguyễn Thành Hưng',
    gender: 'male',
    birthYear: 1970,
    fromArticle: true,
    positions: [
      {
        unitCode: SXD,
        title: 'Ủy viên UBND thành phố, Bí thư Đảng ủy, Giám đốc Sở',
        startDate: '2019-04-01',
        rank: 1,
      },
    ],
  },
  ...deputies.map((n, i): DemoPerson => ({
    ...n,
    birthYear: 1972 + i * 2,
    fromArticle: false,
    positions: [
      { unitCode: SXD, title: 'Phó Giám đốc Sở', startDate: `${2018 + i}-10-01`, rank: 2 + i },
    ],
  })),
];

/** Sở Xây dựng (the article does not name the city). */
export const SO_XAY_DUNG: DemoSeed = {
  key: 'so-xay-dung',
  headline: 'Hội nghị lấy phiếu tín nhiệm đối với chức danh Lãnh đạo Sở Xây dựng',
  units: [
    { code: TU, name: `Thành ủy ${SAMPLE_MARK}`, parentCode: null, kind: 'party-committee' },
    { code: SXD, name: 'Sở Xây dựng', parentCode: TU, kind: 'agency' },
  ],
  persons,
  round: {
    plan: { number: '277-KH/TU', date: '2023-07-28', issuingBody: 'Ban Thường vụ Thành ủy' },
    title: `Lấy phiếu tín nhiệm đối với các chức danh, chức vụ lãnh đạo, quản lý trong hệ thống chính trị thành phố ${SAMPLE_MARK}`,
    ruleSetId: 'qd96-2023',
    year: 2023,
    unitCodes: [TU, SXD],
  },
  conferences: [
    {
      key: 'so-xay-dung',
      unitCode: SXD,
      title: 'Hội nghị lấy phiếu tín nhiệm đối với chức danh Lãnh đạo Sở Xây dựng',
      date: '2023-09-26',
      place: `Hội trường Sở Xây dựng ${SAMPLE_MARK}`,
      chair: 'Nguyễn Thành Hưng – Ủy viên UBND thành phố, Bí thư Đảng ủy, Giám đốc Sở',
      localPlan: { number: '139/KH-SXD', date: '2023-08-30', issuingBody: 'Sở Xây dựng' },
      participants: [
        ...personsAsParticipants(persons, 'Sở Xây dựng'),
        ...madeUpParticipants('so-xay-dung', 18, [
          { unitName: 'Đảng ủy Sở Xây dựng', position: 'Ủy viên Ban Chấp hành Đảng bộ Sở' },
          { unitName: 'Văn phòng Sở', position: 'Chánh Văn phòng' },
          { unitName: 'Thanh tra Sở', position: 'Chánh Thanh tra' },
          { unitName: 'Phòng Quản lý xây dựng', position: 'Trưởng phòng' },
          { unitName: 'Phòng Quy hoạch – Kiến trúc', position: 'Trưởng phòng' },
          { unitName: 'Phòng Phát triển đô thị', position: 'Trưởng phòng' },
          { unitName: 'Phòng Quản lý nhà và thị trường bất động sản', position: 'Trưởng phòng' },
          { unitName: 'Trung tâm Kiểm định chất lượng xây dựng', position: 'Giám đốc' },
          { unitName: 'Công đoàn cơ quan', position: 'Chủ tịch Công đoàn' },
          { unitName: 'Đoàn Thanh niên', position: 'Bí thư Đoàn' },
          { unitName: 'Hội Cựu chiến binh', position: 'Chủ tịch Hội' },
        ]),
      ],
      comments: { count: 0, clarifications: 0 },
      countingCommitteeHead: null,
      fromArticle: true,
    },
  ],
};
