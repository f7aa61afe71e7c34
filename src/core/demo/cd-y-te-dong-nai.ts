// Trường Cao đẳng Y tế Đồng Nai, 29/6/2023: the vote on the Principal Nguyễn Hồng Quang (seed 004).

import type { DemoPerson, DemoSeed } from './demo-types.js';
import { SAMPLE_MARK } from './demo-types.js';
import { madeUpParticipants, personsAsParticipants } from './participants.js';

const TU = 'MAU-DN-TU';
const CDYT = 'MAU-CDYT-DN';

const persons: DemoPerson[] = [
  {
    fullName: 'Nguyễn Hồng Quang',
    gender: 'male',
    birthYear: 1971,
    fromArticle: true,
    positions: [{ unitCode: CDYT, title: 'Hiệu trưởng', startDate: '2020-08-01', rank: 1 }],
  },
];

/** Trường Cao đẳng Y tế Đồng Nai. */
export const CD_Y_TE_DONG_NAI: DemoSeed = {
  key: 'cd-y-te-dong-nai',
  headline: 'Hội nghị lấy phiếu tín nhiệm đối với chức danh, chức vụ lãnh đạo, quản lý',
  units: [
    { code: TU, name: 'Tỉnh ủy Đồng Nai', parentCode: null, kind: 'party-committee' },
    { code: CDYT, name: 'Trường Cao đẳng Y tế Đồng Nai', parentCode: TU, kind: 'school' },
  ],
  persons,
  round: {
    plan: { number: '249-KH/TU', date: '2023-04-18', issuingBody: 'Ban Thường vụ Tỉnh ủy' },
    title: `Lấy phiếu tín nhiệm đối với các chức danh, chức vụ lãnh đạo, quản lý trong các cơ quan, đơn vị, tổ chức trong hệ thống chính trị ${SAMPLE_MARK}`,
    ruleSetId: 'qd96-2023',
    year: 2023,
    unitCodes: [TU, CDYT],
  },
  conferences: [
    {
      key: 'cd-y-te-dong-nai',
      unitCode: CDYT,
      title:
        'Hội nghị lấy phiếu tín nhiệm đối với chức danh Hiệu trưởng giữa nhiệm kỳ đại hội đảng bộ trường',
      date: '2023-06-29',
      place: `Hội trường Trường Cao đẳng Y tế Đồng Nai ${SAMPLE_MARK}`,
      chair: 'Nguyễn Hồng Quang – Hiệu trưởng',
      localPlan: {
        number: '109-KH/ĐU',
        date: '2023-06-19',
        issuingBody: 'Đảng ủy Trường Cao đẳng Y tế Đồng Nai',
      },
      participants: [
        ...personsAsParticipants(persons, 'Trường Cao đẳng Y tế Đồng Nai'),
        ...madeUpParticipants('cd-y-te-dong-nai', 27, [
          { unitName: 'Ban Giám hiệu', position: 'Phó Hiệu trưởng' },
          { unitName: 'Phòng Tổ chức – Hành chính', position: 'Trưởng phòng' },
          { unitName: 'Phòng Đào tạo', position: 'Trưởng phòng' },
          { unitName: 'Phòng Tài chính – Kế toán', position: 'Trưởng phòng' },
          { unitName: 'Khoa Điều dưỡng', position: 'Trưởng khoa' },
          { unitName: 'Khoa Dược', position: 'Trưởng khoa' },
          { unitName: 'Khoa Y học cơ sở', position: 'Trưởng khoa' },
          { unitName: 'Khoa Xét nghiệm', position: 'Phó Trưởng khoa' },
          { unitName: 'Công đoàn trường', position: 'Chủ tịch Công đoàn' },
          { unitName: 'Đoàn Thanh niên', position: 'Bí thư Đoàn trường' },
        ]),
      ],
      comments: { count: 0, clarifications: 0 },
      countingCommitteeHead: null,
      fromArticle: true,
    },
  ],
};
