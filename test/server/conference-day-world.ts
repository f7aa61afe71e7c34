// A conference ready for its day, built through the real store: a province and a district, a round, `persons`
// persons voted on, `participants` summoned, an organiser, a competent authority, and committee accounts.

import {
  effectiveDecision,
  proposeConferenceSubjects,
  SYSTEM_ACTOR,
  type Store,
  type StoreResult,
} from '../../src/store/index.js';
import { createUser, sessionClient, type Client, type TestApp } from './harness.js';

function must<T>(r: StoreResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** The day's cast and ids. */
export interface DayWorld {
  readonly conferenceId: string;
  readonly roundId: string;
  readonly unitId: string;
  readonly provinceId: string;
  readonly subjectIds: readonly string[];
  readonly participantIds: readonly string[];
  readonly organiser: Client;
  readonly authority: Client;
  /** Accounts (not yet members) for the committee: user ids. */
  readonly committeeUsers: readonly string[];
}

/** Builds a conference on `unitCode` with the given sizes; the conference is left `prepared`. */
export async function buildDayWorld(
  t: TestApp,
  options: {
    persons?: number;
    participants?: number;
    unitCode?: string;
    provinceId?: string;
    roundId?: string;
  } = {},
): Promise<DayWorld> {
  const store: Store = t.store;
  const a = SYSTEM_ACTOR;
  const persons = options.persons ?? 3;
  const participants = options.participants ?? 6;
  const code = options.unitCode ?? 'DH';
  const provinceId =
    options.provinceId ??
    must(
      await store.units.create(a, {
        code: `P-${code}`,
        name: 'Tỉnh ủy Lạng Sơn',
        parentId: null,
        kind: 'party-committee',
      }),
    ).id;
  const unit = must(
    await store.units.create(a, {
      code,
      name: `Huyện ủy ${code}`,
      parentId: provinceId,
      kind: 'party-committee',
    }),
  );
  const roundId =
    options.roundId ??
    must(
      await store.rounds.create(a, {
        plan: { number: '12-KH/TU', date: '2023-08-01', issuingBody: 'Ban Thường vụ Tỉnh ủy' },
        title: 'Lấy phiếu tín nhiệm giữa nhiệm kỳ',
        ruleSetId: 'qd96-2023',
        year: 2023,
        unitIds: [unit.id],
      }),
    ).id;
  if (options.roundId) {
    const round = (await store.rounds.get(options.roundId))!;
    must(await store.rounds.update(a, round.id, { unitIds: [...round.unitIds, unit.id] }));
  }
  for (let i = 0; i < persons; i++) {
    const person = must(
      await store.persons.create(a, { fullName: `Nguyễn Văn ${code}${i + 1}`, birthYear: 1970 }),
    );
    must(
      await store.positions.create(a, {
        personId: person.id,
        unitId: unit.id,
        title: i === 0 ? 'Bí thư Huyện ủy' : `Ủy viên Ban Thường vụ ${i}`,
        startDate: '2020-09-01',
        rank: i + 1,
      }),
    );
  }
  const conference = must(
    await store.conferences.create(a, {
      roundId,
      unitId: unit.id,
      title: `Hội nghị lấy phiếu tín nhiệm ${code}`,
      date: '2023-09-29',
      place: 'Hội trường',
      chair: 'Chủ trì',
    }),
  );
  const subjects = must(
    await store.transaction((tx) => proposeConferenceSubjects(tx, a, conference.id)),
  ).filter((s) => effectiveDecision(s) === 'vote');
  if (subjects.length !== persons)
    throw new Error(`expected ${persons} subjects, got ${subjects.length}`);
  const participantIds: string[] = [];
  for (let i = 0; i < participants; i++) {
    participantIds.push(
      must(
        await store.participants.create(a, {
          conferenceId: conference.id,
          fullName: `Đại biểu ${code} số ${i + 1}`,
          unitName: i % 2 === 0 ? 'Văn phòng' : 'Ban Tổ chức',
          position: 'Ủy viên',
        }),
      ).id,
    );
  }
  must(await store.conferences.transition(a, conference.id, 'prepared'));
  const organiser = await sessionClient(
    t,
    await createUser(store, `org-${code}`, [{ role: 'organiser', unitId: unit.id }]),
  );
  const authority = await sessionClient(
    t,
    await createUser(store, `auth-${code}`, [{ role: 'competent-authority', unitId: provinceId }]),
  );
  const committeeUsers: string[] = [];
  for (let i = 0; i < 3; i++) committeeUsers.push(await createUser(store, `bkp-${code}-${i}`, []));
  return {
    conferenceId: conference.id,
    roundId,
    unitId: unit.id,
    provinceId,
    subjectIds: subjects.map((s) => s.id),
    participantIds,
    organiser,
    authority,
    committeeUsers,
  };
}
