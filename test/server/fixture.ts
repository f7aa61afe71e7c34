// A small world for API tests, built through the real store: province > district (+ a sibling), a round,
// a conference, a person voted on, a participant, a question, a report, a ballot style, and one user per role.

import { effectiveDecision, SYSTEM_ACTOR, type Grant } from '../../src/core/model/index.js';
import { proposeConferenceSubjects, type Store, type StoreResult } from '../../src/store/index.js';
import type { Role } from '../../src/server/auth/principal.js';
import { createUser } from './harness.js';
import { minimalPdf } from './sample-files.js';

export function must<T>(r: StoreResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** Ids of the fixture by the names routes use for their parameters. */
export interface World {
  readonly ids: Record<string, string>;
  /** One user per role, scoped to the fixture. */
  readonly users: Record<Role, string>;
  /** Organiser of the sibling unit: reaches nothing of the fixture. */
  readonly outsider: string;
}

/** Tỉnh ủy Quảng Ninh with Huyện ủy Đầm Hà and Thành ủy Móng Cái below it, the units most API tests use. */
export async function quangNinhUnits(store: Store) {
  const unit = async (code: string, name: string, parentId: string | null) =>
    must(await store.units.create(SYSTEM_ACTOR, { code, name, parentId, kind: 'party-committee' }));
  const province = await unit('QN', 'Tỉnh ủy Quảng Ninh', null);
  const district = await unit('DH', 'Huyện ủy Đầm Hà', province.id);
  const sibling = await unit('MC', 'Thành ủy Móng Cái', province.id);
  return { province, district, sibling, unit };
}

/** Builds the world. Conference on 2023-09-29 (deadlines from 2023-09-09 back); the clock starts 2023-09-01. */
export async function buildWorld(store: Store): Promise<World> {
  const a = SYSTEM_ACTOR;
  const { province, district, sibling } = await quangNinhUnits(store);
  const round = must(
    await store.rounds.create(a, {
      plan: { number: '274-KH/TU', date: '2023-07-28', issuingBody: 'Ban Thường vụ Tỉnh ủy' },
      title: 'Lấy phiếu tín nhiệm giữa nhiệm kỳ 2020–2025',
      ruleSetId: 'qd96-2023',
      year: 2023,
      unitIds: [district.id],
    }),
  );
  const person = must(
    await store.persons.create(a, {
      fullName: 'Hoàng Vĩnh Khuyến',
      gender: 'male',
      birthYear: 1975,
    }),
  );
  must(
    await store.positions.create(a, {
      personId: person.id,
      unitId: district.id,
      title: 'Phó Bí thư Huyện ủy',
      startDate: '2020-09-01',
    }),
  );
  const conference = must(
    await store.conferences.create(a, {
      roundId: round.id,
      unitId: district.id,
      title: 'Hội nghị lấy phiếu tín nhiệm Huyện ủy Đầm Hà',
      date: '2023-09-29',
      place: 'Hội trường Huyện ủy',
      chair: 'Đặng Văn Tuấn',
    }),
  );
  const subjects = must(
    await store.transaction((tx) => proposeConferenceSubjects(tx, a, conference.id)),
  );
  const subject = subjects.find((s) => s.personId === person.id && effectiveDecision(s) === 'vote');
  if (!subject) throw new Error('fixture: the person is not proposed for a vote');
  const participant = must(
    await store.participants.create(a, {
      conferenceId: conference.id,
      fullName: 'Nguyễn Thị Lan',
      unitName: 'Văn phòng Huyện ủy',
      position: 'Chánh Văn phòng',
    }),
  );
  const style = must(
    await store.ballotStyles.create(a, {
      conferenceId: conference.id,
      name: 'Phiếu số 1',
      subjectIds: [subject.id],
    }),
  );
  const question = must(
    await store.questions.ask(a, {
      conferenceId: conference.id,
      personId: person.id,
      participantId: participant.id,
      kind: 'comment',
      text: 'Đề nghị làm rõ kết quả năm 2022.',
    }),
  );
  const report = must(
    await store.reports.upload(a, {
      conferenceId: conference.id,
      personId: person.id,
      fileName: 'bao-cao.pdf',
      mediaType: 'application/pdf',
      content: minimalPdf(),
    }),
  );
  const grants: Record<Role, Grant> = {
    administrator: { role: 'administrator' },
    organiser: { role: 'organiser', unitId: district.id },
    'counting-committee': { role: 'counting-committee', conferenceId: conference.id },
    voter: { role: 'voter', conferenceId: conference.id, participantId: participant.id },
    inspector: { role: 'inspector', unitId: district.id },
    'competent-authority': { role: 'competent-authority', unitId: province.id },
    subject: { role: 'subject', personId: person.id },
  };
  const users = {} as Record<Role, string>;
  for (const role of Object.keys(grants) as Role[])
    users[role] = await createUser(store, `u-${role}`, [grants[role]]);
  const outsider = await createUser(store, 'u-outsider', [
    { role: 'organiser', unitId: sibling.id },
  ]);
  const spare = await createUser(store, 'u-spare', [{ role: 'inspector', unitId: sibling.id }]);
  const spareGrant = (await store.users.grants(spare))[0]!;
  const positions = await store.positions.listByPerson(person.id);
  return {
    ids: {
      unitId: district.id,
      parentId: district.id,
      roundId: round.id,
      conferenceId: conference.id,
      personId: person.id,
      subjectId: subject.id,
      participantId: participant.id,
      ballotStyleId: style.id,
      questionId: question.id,
      reportId: report.id,
      positionId: positions[0]!.id,
      userId: spare,
      grantId: spareGrant.id,
      // Conference day (issue 4): the sheet listing every subject, ballot 1, slot a; no member or follow-up
      // exists in this fixture, so allowed callers reach the handler and get not_found or validation_failed.
      sheetId: 'all',
      ballotNumber: '1',
      slot: 'a',
      memberId: 'fixture-no-member',
      followUpId: 'fixture-no-follow-up',
    },
    users,
    outsider,
  };
}
