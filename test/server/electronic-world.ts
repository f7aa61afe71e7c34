// A conference for the electronic-vote tests: three persons voted on, 30 participants (24 on the common
// ballot, 6 on a one-person style), five committee members with accounts, an organiser; the conference open.

import { effectiveDecision, SYSTEM_ACTOR } from '../../src/core/model/index.js';
import { proposeConferenceSubjects, type Store, type StoreResult } from '../../src/store/index.js';
import { createUser } from './harness.js';

function must<T>(r: StoreResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** Ids of the electronic world. */
export interface ElectronicWorld {
  readonly conferenceId: string;
  readonly organiser: string;
  /** Users of committee members 1..n (5 unless asked), head first (trustee i = members[i−1]). */
  readonly trustees: readonly string[];
  /** A counting-committee account of this conference that is not a member. */
  readonly nonMember: string;
  readonly participants: readonly { id: string; style: string }[];
  readonly partStyleId: string;
  readonly subjectIds: readonly string[];
}

/** Builds the world through the real store (`members` committee members with accounts). */
export async function buildElectronicWorld(
  store: Store,
  voters = 30,
  persons = 3,
  members = 5,
): Promise<ElectronicWorld> {
  const a = SYSTEM_ACTOR;
  const unit = must(
    await store.units.create(a, {
      code: 'DH',
      name: 'Huyện ủy Đầm Hà',
      parentId: null,
      kind: 'party-committee',
    }),
  );
  const round = must(
    await store.rounds.create(a, {
      plan: { number: '274-KH/TU', date: '2023-07-28', issuingBody: 'Ban Thường vụ Tỉnh ủy' },
      title: 'Lấy phiếu tín nhiệm giữa nhiệm kỳ',
      ruleSetId: 'qd96-2023',
      year: 2023,
      unitIds: [unit.id],
    }),
  );
  const base = ['Hoàng Vĩnh Khuyến', 'Trần Thị Mai', 'Lê Văn Đức'];
  const names = Array.from({ length: persons }, (_, k) =>
    k < base.length ? base[k]! : `Nguyễn Văn Người ${k + 1}`,
  );
  const titles = ['Bí thư Huyện ủy', 'Phó Bí thư Huyện ủy', 'Chủ tịch UBND huyện'];
  for (const [k, fullName] of names.entries()) {
    const person = must(
      await store.persons.create(a, { fullName, gender: 'male', birthYear: 1970 + k }),
    );
    must(
      await store.positions.create(a, {
        personId: person.id,
        unitId: unit.id,
        title: titles[k] ?? `Ủy viên Ban Thường vụ ${k + 1}`,
        startDate: '2020-09-01',
      }),
    );
  }
  const conference = must(
    await store.conferences.create(a, {
      roundId: round.id,
      unitId: unit.id,
      title: 'Hội nghị lấy phiếu tín nhiệm Huyện ủy Đầm Hà',
      date: '2023-09-29',
      place: 'Hội trường Huyện ủy',
      chair: 'Đặng Văn Tuấn',
    }),
  );
  const subjects = must(
    await store.transaction((tx) => proposeConferenceSubjects(tx, a, conference.id)),
  ).filter((s) => effectiveDecision(s) === 'vote');
  if (subjects.length < 2) throw new Error('electronic world: expected persons voted on');
  const part = must(
    await store.ballotStyles.create(a, {
      conferenceId: conference.id,
      name: 'Phiếu số 2',
      subjectIds: [subjects[0]!.id],
    }),
  );
  const participants: { id: string; style: string }[] = [];
  for (let v = 0; v < voters; v++) {
    const onPart = v % 5 === 4;
    const p = must(
      await store.participants.create(a, {
        conferenceId: conference.id,
        fullName: `Đại biểu ${v + 1}`,
        unitName: 'Huyện ủy',
        position: 'Ủy viên',
        ballotStyleId: onPart ? part.id : null,
      }),
    );
    participants.push({ id: p.id, style: onPart ? part.id : 'all' });
  }
  must(await store.conferences.transition(a, conference.id, 'prepared'));
  must(await store.conferences.transition(a, conference.id, 'open'));
  for (const p of participants.slice(0, voters - 2))
    must(await store.participants.setAttendance(a, p.id, 'present'));
  const organiser = await createUser(store, 'to-chuc', [{ role: 'organiser', unitId: unit.id }]);
  const trustees: string[] = [];
  for (let i = 1; i <= members; i++) {
    const userId = await createUser(store, `bkp-${i}`, [
      { role: 'counting-committee', conferenceId: conference.id },
    ]);
    must(
      await store.committee.add(a, {
        conferenceId: conference.id,
        fullName: `Thành viên Ban kiểm phiếu ${i}`,
        isHead: i === 1,
        userId,
      }),
    );
    trustees.push(userId);
  }
  const nonMember = await createUser(store, 'bkp-ngoai', [
    { role: 'counting-committee', conferenceId: conference.id },
  ]);
  return {
    conferenceId: conference.id,
    organiser,
    trustees,
    nonMember,
    participants,
    partStyleId: part.id,
    subjectIds: subjects.map((s) => s.id),
  };
}
