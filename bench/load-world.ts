// The set-up of bench:load, outside the clock: N conferences of V summoned voters and P persons voted on,
// each open with its committee (five members, who are the election's trustees), the key ceremony run and
// one credential per voter registered through the API (in process, on the same store), and the electronic
// voters' ballots encrypted and signed in advance.

import {
  type ElectionContext,
  type LineChoice,
  elemFromHex,
  encryptBallot,
  hexToBytes,
  signBallot,
  systemRandom,
} from '../src/crypto/index.js';
import type { BoothInfoDto } from '../src/server/routes/election-schemas.js';
import {
  effectiveDecision,
  proposeConferenceSubjects,
  SYSTEM_ACTOR,
  type BackupStoreConfig,
  type Store,
  type StoreResult,
} from '../src/store/index.js';
import { openAppOn } from '../test/server/app-on-store.js';
import { openElection } from '../test/server/electronic-driver.js';
import type { ElectronicWorld } from '../test/server/electronic-world.js';

function must<T>(r: StoreResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** A caller's session, as cookie and CSRF token (sessions live in the store, so they outlive the set-up). */
export interface Session {
  readonly cookie: string;
  readonly csrf: string;
}

/** One conference of the load, ready for its day. */
export interface LoadConference {
  readonly id: string;
  readonly participantIds: readonly string[];
  /** The organiser (roll call); the head (accounting); members for slots a and b (double entry). */
  readonly organiser: Session;
  readonly head: Session;
  readonly memberA: Session;
  readonly memberB: Session;
  /** Paper ballots to enter: each one's marks (one digit per person). */
  readonly paperMarks: readonly string[];
  /** Each electronic voter's signed ballot (the request body) and public credential (the booth asks it). */
  readonly ballots: readonly { readonly body: string; readonly credential: string }[];
}

/** Sizes of the load. */
export interface LoadSizes {
  readonly conferences: number;
  readonly voters: number;
  readonly persons: number;
  /** Voters per conference who vote electronically; the others vote on paper. */
  readonly electronic: number;
}

const KEYS = '1230';

/** Builds every conference in the store at `config` and closes it again (the server opens it next). */
export async function buildLoadWorld(
  config: BackupStoreConfig,
  sizes: LoadSizes,
  log: (line: string) => void,
): Promise<LoadConference[]> {
  const t = await openAppOn(config, () => new Date().toISOString(), { TINNHIEM_LOG: 'silent' });
  try {
    const a = SYSTEM_ACTOR;
    const store: Store = t.store;
    const province = must(
      await store.units.create(a, {
        code: 'TINH',
        name: 'Tỉnh ủy Quảng Ninh',
        parentId: null,
        kind: 'party-committee',
      }),
    );
    const units = [];
    for (let k = 0; k < sizes.conferences; k++)
      units.push(
        must(
          await store.units.create(a, {
            code: `DV${k + 1}`,
            name: `Đảng ủy số ${k + 1}`,
            parentId: province.id,
            kind: 'party-committee',
          }),
        ),
      );
    const round = must(
      await store.rounds.create(a, {
        plan: { number: '274-KH/TU', date: '2023-07-28', issuingBody: 'Ban Thường vụ Tỉnh ủy' },
        title: 'Lấy phiếu tín nhiệm giữa nhiệm kỳ',
        ruleSetId: 'qd96-2023',
        year: 2023,
        unitIds: units.map((u) => u.id),
      }),
    );
    const out: LoadConference[] = [];
    const started = Date.now();
    for (const [k, unit] of units.entries()) {
      const world = await buildConference(store, unit.id, round.id, k, sizes);
      const election = await openElection(t, world.electronic);
      const booth = await election.anon.json<BoothInfoDto>('GET', `${election.P}/booth`);
      const ctx: ElectionContext = {
        F: hexToBytes(booth.fingerprint),
        Y: elemFromHex(booth.publicKey)!,
        base: BigInt(booth.base),
      };
      const LEVELS: LineChoice[] = ['high', 'confidence', 'low', 'blank'];
      const ballots = election.voters.slice(0, sizes.electronic).map(({ cred, style }, v) => {
        const s = booth.manifest.styles.find((x) => x.id === style)!;
        const { ballot } = encryptBallot(
          ctx,
          cred.public,
          s,
          s.persons.map((_, i) => LEVELS[(v + i + k) % LEVELS.length]!),
          systemRandom,
        );
        return {
          body: JSON.stringify({ ballot: signBallot(ctx, ballot, cred, systemRandom) }),
          credential: cred.public.hex,
        };
      });
      const session = (c: { cookie: string | null; csrf: string }): Session => ({
        cookie: c.cookie!,
        csrf: c.csrf,
      });
      const paper = sizes.voters - sizes.electronic;
      out.push({
        id: world.electronic.conferenceId,
        participantIds: world.electronic.participants.map((p) => p.id),
        organiser: session(election.org),
        head: session(election.trustees[0]!),
        memberA: session(election.trustees[1]!),
        memberB: session(election.trustees[2]!),
        paperMarks: Array.from({ length: paper }, (_, n) =>
          Array.from(
            { length: sizes.persons },
            (_, line) => KEYS[Math.floor((n + k) / 4 ** line) % 4],
          ).join(''),
        ),
        ballots,
      });
      if ((k + 1) % 10 === 0 || k + 1 === units.length)
        log(
          `  set-up: ${k + 1}/${units.length} conferences (ceremony, credentials, ${sizes.electronic} ballots each encrypted) in ${((Date.now() - started) / 1000).toFixed(0)} s`,
        );
    }
    return out;
  } finally {
    await t.close();
  }
}

/** One conference in the store: persons voted on, participants (imported at once), the committee. */
async function buildConference(
  store: Store,
  unitId: string,
  roundId: string,
  k: number,
  sizes: LoadSizes,
): Promise<{ electronic: ElectronicWorld }> {
  const a = SYSTEM_ACTOR;
  for (let i = 0; i < sizes.persons; i++) {
    const person = must(
      await store.persons.create(a, { fullName: `Nguyễn Văn ${k + 1}-${i + 1}`, birthYear: 1970 }),
    );
    must(
      await store.positions.create(a, {
        personId: person.id,
        unitId,
        title: i === 0 ? 'Bí thư Đảng ủy' : `Ủy viên Ban Thường vụ ${i}`,
        startDate: '2020-09-01',
        rank: i + 1,
      }),
    );
  }
  const conference = must(
    await store.conferences.create(a, {
      roundId,
      unitId,
      title: `Hội nghị lấy phiếu tín nhiệm số ${k + 1}`,
      date: '2099-12-30',
      place: 'Hội trường',
      chair: 'Chủ trì',
    }),
  );
  const subjects = must(
    await store.transaction((tx) => proposeConferenceSubjects(tx, a, conference.id)),
  ).filter((s) => effectiveDecision(s) === 'vote');
  if (subjects.length !== sizes.persons)
    throw new Error(`conference ${k + 1}: ${subjects.length} persons voted on`);
  must(
    await store.participants.importRows(
      a,
      conference.id,
      Array.from({ length: sizes.voters }, (_, v) => ({
        fullName: `Đại biểu ${k + 1}.${v + 1}`,
        unitName: 'Chi bộ',
        position: 'Đảng viên',
        ballotStyleName: null,
      })),
    ),
  );
  const participants = (await store.participants.list(conference.id)).map((p) => ({
    id: p.id,
    style: 'all',
  }));
  must(await store.conferences.transition(a, conference.id, 'prepared'));
  must(await store.conferences.transition(a, conference.id, 'open'));
  const organiser = must(
    await store.users.create(a, {
      username: `to-chuc-${k + 1}`,
      displayName: `Tổ chức ${k + 1}`,
      passwordHash: null,
    }),
  ).id;
  must(await store.users.addGrant(a, organiser, { role: 'organiser', unitId }));
  const trustees: string[] = [];
  for (let i = 1; i <= 5; i++) {
    const userId = must(
      await store.users.create(a, {
        username: `bkp-${k + 1}-${i}`,
        displayName: `Thành viên ${i}`,
        passwordHash: null,
      }),
    ).id;
    must(
      await store.users.addGrant(a, userId, {
        role: 'counting-committee',
        conferenceId: conference.id,
      }),
    );
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
  return {
    electronic: {
      conferenceId: conference.id,
      organiser,
      trustees,
      nonMember: '',
      participants,
      partStyleId: '',
      subjectIds: subjects.map((s) => s.id),
    },
  };
}
