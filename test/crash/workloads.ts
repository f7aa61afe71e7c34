// What the crash test writes: a workload seeds the store, makes numbered write attempts through the API, and
// checks, after each restart, that every acknowledged attempt is stored exactly once (others at most once).

import { SYSTEM_ACTOR, type Store, type StoreResult } from '../../src/store/index.js';
import { systemRandom } from '../../src/crypto/random.js';
import { hashPassword } from '../../src/server/auth/password.js';
import { csrfTokenFor, newToken, tokenDigest } from '../../src/server/auth/tokens.js';
import { proposeConferenceSubjects } from '../../src/store/index.js';
import { ApiClient } from './api-client.js';

/** The administrator the crash test signs in as. */
export const CRASH_USER = { username: 'kiemthu-sapdo', password: 'mật khẩu kiểm thử sập đổ 2026' };

/** A kind of write the crash test drives. */
export interface Workload {
  readonly name: string;
  /** Puts what the writes need into the fresh store (before the first start). */
  seed(store: Store): Promise<void>;
  /** Setup through the API after the first sign-in. */
  prepare(api: ApiClient): Promise<void>;
  /** Attempt number `i`: true when the server acknowledged it; throws when the connection fails. */
  write(api: ApiClient, i: number): Promise<boolean>;
  /** Problems in what the server now holds, given the attempts made and those acknowledged. */
  check(
    api: ApiClient,
    attempted: ReadonlySet<number>,
    acked: ReadonlySet<number>,
  ): Promise<string[]>;
}

function must<T>(r: StoreResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** Problems with counts per attempt number: acknowledged → exactly once, attempted → at most once. */
export function exactlyOnce(
  counts: ReadonlyMap<number, number>,
  attempted: ReadonlySet<number>,
  acked: ReadonlySet<number>,
): string[] {
  const problems: string[] = [];
  for (const i of acked) {
    const n = counts.get(i) ?? 0;
    if (n !== 1) problems.push(`acknowledged write ${i} stored ${n} times`);
  }
  for (const [i, n] of counts) {
    if (!attempted.has(i)) problems.push(`write ${i} was never attempted but is stored`);
    else if (n > 1) problems.push(`write ${i} stored ${n} times`);
  }
  return problems;
}

/**
 * Seeds a unit, a round, `persons` persons voted on (with their positions, proposed for the vote), a
 * conference (in draft) and the administrator; returns the conference id.
 */
export async function seedConference(
  store: Store,
  options: { persons?: number } = {},
): Promise<string> {
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
  for (let i = 0; i < (options.persons ?? 0); i++) {
    const person = must(
      await store.persons.create(a, { fullName: `Nguyễn Văn ${i + 1}`, birthYear: 1970 }),
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
      roundId: round.id,
      unitId: unit.id,
      title: 'Hội nghị lấy phiếu tín nhiệm',
      date: '2099-12-30',
      place: 'Hội trường',
      chair: 'Chủ trì',
    }),
  );
  if ((options.persons ?? 0) > 0)
    must(await store.transaction((tx) => proposeConferenceSubjects(tx, a, conference.id)));
  const user = must(
    await store.users.create(a, {
      username: CRASH_USER.username,
      displayName: 'Kiểm thử sập đổ',
      passwordHash: await hashPassword(CRASH_USER.password, systemRandom),
    }),
  );
  must(await store.users.addGrant(a, user.id, { role: 'administrator' }));
  return conference.id;
}

/** Summoned participants added one by one (a preparation write; used until ballot entry exists). */
export function participantWorkload(): Workload {
  let conferenceId = '';
  const name = (i: number) => `Đảng viên số ${i}`;
  return {
    name: 'participants',
    seed: async (store) => {
      conferenceId = await seedConference(store);
    },
    prepare: () => Promise.resolve(),
    write: async (api, i) => {
      const r = await api.send('POST', `/api/conferences/${conferenceId}/participants`, {
        fullName: name(i),
        unitName: 'Chi bộ Văn phòng',
        position: 'Đảng viên',
      });
      if (r.status >= 500) throw new Error(`server answered ${r.status}`);
      return r.status === 201;
    },
    check: async (api, attempted, acked) => {
      const list = await api.must<{ fullName: string }[]>(
        'GET',
        `/api/conferences/${conferenceId}/participants`,
      );
      const counts = new Map<number, number>();
      for (const p of list) {
        const m = /^Đảng viên số (\d+)$/.exec(p.fullName);
        if (m) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
      }
      return exactlyOnce(counts, attempted, acked);
    },
  };
}

/** A session made in the store (as the app's sign-in makes it), so that members need no password. */
export async function storeSession(
  store: Store,
  userId: string,
): Promise<{ cookie: string; csrf: string }> {
  const token = newToken(systemRandom);
  must(
    await store.sessions.create(SYSTEM_ACTOR, {
      userId,
      tokenDigest: tokenDigest(token),
      csrfToken: csrfTokenFor(token),
      expiresAt: '2099-01-01T00:00:00.000Z',
    }),
  );
  return { cookie: `tinnhiem_session=${token}`, csrf: csrfTokenFor(token) };
}

/**
 * Paper ballots entered by two committee members (issue 4 §4): attempt i is ballot ⌈i/2⌉, slot a for odd i
 * (member A) and b for even i (member B), with marks derived from i. After each restart every acknowledged
 * entry is read back with its marks; every unacknowledged one is retried with the same clientId and version,
 * which must answer 200 (replayed when the commit had happened before the kill), never a second entry.
 */
export function ballotEntryWorkload(persons = 3, participants = 6): Workload {
  let C = '';
  const members: { a: ApiClient | null; b: ApiClient | null } = { a: null, b: null };
  let sessions: { cookie: string; csrf: string }[] = [];
  let userIds: string[] = [];
  let participantIds: string[] = [];
  const KEYS = '1230x';
  const marksOf = (i: number) =>
    Array.from({ length: persons }, (_, line) => KEYS[Math.floor(i / 5 ** line) % 5]).join('');
  const where = (i: number) =>
    ({ ballot: Math.ceil(i / 2), slot: i % 2 === 1 ? 'a' : 'b' }) as const;
  const member = (api: ApiClient, slot: 'a' | 'b') => {
    const m = members[slot]!;
    m.url = api.url;
    return m;
  };
  const save = async (api: ApiClient, i: number) => {
    const { ballot, slot } = where(i);
    return member(api, slot).send('PUT', `${C}/counting/sheets/all/ballots/${ballot}/${slot}`, {
      clientId: `crash-${i}`,
      version: 1,
      void: false,
      marks: marksOf(i),
    });
  };
  return {
    name: 'ballot entry',
    seed: async (store) => {
      const a = SYSTEM_ACTOR;
      const conferenceId = await seedConference(store, { persons });
      C = `/api/conferences/${conferenceId}`;
      participantIds = [];
      for (let p = 0; p < participants; p++)
        participantIds.push(
          must(
            await store.participants.create(a, {
              conferenceId,
              fullName: `Đại biểu số ${p + 1}`,
              unitName: 'Văn phòng',
              position: 'Ủy viên',
            }),
          ).id,
        );
      must(await store.conferences.transition(a, conferenceId, 'prepared'));
      userIds = [];
      for (const name of ['bkp-truong-ban', 'bkp-a', 'bkp-b'])
        userIds.push(
          must(
            await store.users.create(a, { username: name, displayName: name, passwordHash: null }),
          ).id,
        );
      sessions = [];
      for (const id of userIds.slice(1)) sessions.push(await storeSession(store, id));
    },
    prepare: async (api) => {
      await api.must('POST', `${C}/start`, { start: true });
      for (const id of participantIds)
        await api.must('PUT', `${C}/roll-call/${id}`, { attendance: 'present' });
      const names = ['Hoàng Thị Hạnh', 'Lý Văn Minh', 'Vi Thị Thu'];
      for (let k = 0; k < 3; k++)
        await api.must(
          'POST',
          `${C}/committee`,
          { fullName: names[k], isHead: k === 0, userId: userIds[k] },
          201,
        );
      for (const [k, slot] of [
        [0, 'a'],
        [1, 'b'],
      ] as const) {
        const m = new ApiClient(api.url);
        m.cookie = sessions[k]!.cookie;
        m.csrf = sessions[k]!.csrf;
        members[slot] = m;
      }
      await member(api, 'a').must('PUT', `${C}/counting/sheets/all/accounting`, {
        issued: 1_000_000,
        collected: 1_000_000,
        spoiledExchanged: 0,
      });
    },
    write: async (api, i) => {
      const r = await save(api, i);
      if (r.status >= 500) throw new Error(`server answered ${r.status}`);
      return r.status === 200 && (r.body as { replayed?: boolean }).replayed === false;
    },
    check: async (api, attempted, acked) => {
      const problems: string[] = [];
      const counts = new Map<number, number>();
      for (const slot of ['a', 'b'] as const) {
        const entries = await member(api, slot).must<
          { ballotNumber: number; slot: string; marks: string; version: number }[]
        >('GET', `${C}/counting/sheets/all/ballots?slot=${slot}`);
        for (const e of entries) {
          const i = e.ballotNumber * 2 - (slot === 'a' ? 1 : 0);
          counts.set(i, (counts.get(i) ?? 0) + 1);
          if (e.marks !== marksOf(i) || e.version !== 1)
            problems.push(
              `entry ${e.ballotNumber}/${slot} holds ${e.marks} v${e.version}, not ${marksOf(i)} v1`,
            );
        }
      }
      problems.push(...exactlyOnce(counts, attempted, acked));
      // A save the screen did not see acknowledged is retried as is: stored once, or replayed.
      for (const i of attempted) {
        if (acked.has(i)) continue;
        const r = await save(api, i);
        const replayed = (r.body as { replayed?: boolean } | null)?.replayed;
        if (r.status !== 200)
          problems.push(`retry of ${i} answered ${r.status} ${JSON.stringify(r.body)}`);
        else if (replayed !== counts.has(i))
          problems.push(
            `retry of ${i}: replayed ${String(replayed)} but stored before: ${counts.has(i)}`,
          );
        else (acked as Set<number>).add(i);
      }
      return problems;
    },
  };
}
