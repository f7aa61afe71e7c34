// Secrecy over the whole database and the logs (issue 8 §6), on SQLite and on PostgreSQL. An electronic
// conference runs through the HTTP API: 16 voters with accounts on their own phones (own address, own
// user agent) check in at the door in one known order, draw their slips at random, and cast in another
// known order with known choices (one audits first, one votes again); two choose paper and the committee
// enters their ballots; one stays away. Then every table and column is read (enumerated from the
// database, so a table added later is read too) and the captured logs are searched, and the test shows:
//   - a cast or an audit changes the database by exactly the rows that carry that ballot: no audit entry,
//     no session touched, no updated_at, so nothing stored gives a ballot a clock time;
//   - no row holds a ballot (credential, tracker, ciphertext, hash) together with a voter (participant,
//     user, name, session, check-in code, address, user agent), and ballot rows hold no time at all;
//   - ballots are stored in arrival order (row position, seq, as the public record shows them), and no
//     value stored about voters (any column, or the row position) orders them the way they cast;
//   - audit entries of election actions name no credential or ballot;
//   - the logs hold no ballot, credential (public or private), tracker, share or key, no line for the
//     booth, and neither the database nor the logs hold a voter's address or user agent.
// What the design guarantees is exactly this: the server keeps no time for a ballot and no person for
// a ballot; the order of ballots is public, and only an observer who saw who cast when could use it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Ballot,
  type ElectionContext,
  type LineChoice,
  elemFromHex,
  encryptBallot,
  hexToBytes,
  partialDecrypt,
  signBallot,
  systemRandom,
} from '../../src/crypto/index.js';
import { effectiveDecision, SYSTEM_ACTOR } from '../../src/core/model/index.js';
import type {
  BallotReceiptDto,
  BoothInfoDto,
  TrusteeViewDto,
} from '../../src/server/routes/election-schemas.js';
import { proposeConferenceSubjects, type Store, type StoreResult } from '../../src/store/index.js';
import {
  dumpDatabase,
  dumpDifferences,
  rowText,
  type DatabaseDump,
  type DumpedRow,
  type DumpedTable,
} from './database-dump.js';
import { openElection, type OpenElection } from './electronic-driver.js';
import type { ElectronicWorld } from './electronic-world.js';
import { Client, createUser, openTestApp, sessionClient, type TestApp } from './harness.js';

const random = systemRandom;
const VOTERS = 16;
/** The order voters arrive at the door (voter 9 never comes). */
const CHECK_IN = [3, 0, 7, 1, 13, 10, 5, 2, 15, 8, 4, 12, 11, 6, 14];
/** Voters 1 and 6 hand in their slip for a paper ballot. */
const PAPER = [1, 6];
/** The order the electronic voters cast in: unrelated to the door. Voter 4 audits first; 3 votes again. */
const CAST = [8, 2, 11, 14, 0, 5, 13, 4, 3, 10, 15, 7, 12];
/** The order of each voter's last visit to the booth (voter 3 came back at the end). */
const LAST_VISIT = [...CAST.filter((i) => i !== 3), 3];
const LEVELS: LineChoice[] = ['high', 'confidence', 'low', 'blank', 'confidence', 'high', 'low'];
/** ISO date-times (what the clock gives) and epoch numbers of 2023 in seconds or milliseconds. */
const TIME_LIKE = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\b1[67]\d{8}(\d{3})?\b/;

function must<T>(r: StoreResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const at = (hhmm: string, seconds = 0) =>
  new Date(Date.parse(`2023-09-29T${hhmm}:00.000+07:00`) + seconds * 1000).toISOString();

/** Everything the test knows about one voter (what an adversary would want to join). */
interface Voter {
  readonly index: number;
  readonly participantId: string;
  readonly fullName: string;
  userId: string;
  username: string;
  readonly ip: string;
  readonly userAgent: string;
  client: Client;
  checkInCode: string;
  /** The slip drawn at the door (index into the election's slips), the ballots cast with it. */
  slip: number;
  readonly trackers: string[];
  readonly hashes: string[];
  readonly ciphertexts: string[];
}

/** A conference with VOTERS participants on the common ballot, a committee of five, an organiser; open. */
async function buildWorld(store: Store): Promise<ElectronicWorld & { voterNames: string[] }> {
  const a = SYSTEM_ACTOR;
  const unit = must(
    await store.units.create(a, {
      code: 'MC',
      name: 'Thành ủy Móng Cái',
      parentId: null,
      kind: 'party-committee',
    }),
  );
  const round = must(
    await store.rounds.create(a, {
      plan: { number: '15-KH/TU', date: '2023-08-10', issuingBody: 'Ban Thường vụ Tỉnh ủy' },
      title: 'Lấy phiếu tín nhiệm giữa nhiệm kỳ',
      ruleSetId: 'qd96-2023',
      year: 2023,
      unitIds: [unit.id],
    }),
  );
  const persons = [
    ['Phạm Văn Được', 'Bí thư Thành ủy'],
    ['Lương Thị Hồng', 'Phó Bí thư Thường trực'],
    ['Đỗ Quang Vinh', 'Chủ tịch UBND thành phố'],
  ] as const;
  for (const [k, [fullName, title]] of persons.entries()) {
    const person = must(
      await store.persons.create(a, { fullName, gender: 'male', birthYear: 1968 + k }),
    );
    must(
      await store.positions.create(a, {
        personId: person.id,
        unitId: unit.id,
        title,
        startDate: '2020-10-01',
      }),
    );
  }
  const conference = must(
    await store.conferences.create(a, {
      roundId: round.id,
      unitId: unit.id,
      title: 'Hội nghị lấy phiếu tín nhiệm Thành ủy Móng Cái',
      date: '2023-09-29',
      place: 'Hội trường Thành ủy',
      chair: 'Nguyễn Văn Chủ Trì',
    }),
  );
  const subjects = must(
    await store.transaction((tx) => proposeConferenceSubjects(tx, a, conference.id)),
  ).filter((s) => effectiveDecision(s) === 'vote');
  const voterNames = Array.from(
    { length: VOTERS },
    (_, v) => `Đại biểu ${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[v]}ư`,
  );
  const participants: { id: string; style: string }[] = [];
  for (const fullName of voterNames) {
    const p = must(
      await store.participants.create(a, {
        conferenceId: conference.id,
        fullName,
        unitName: 'Thành ủy Móng Cái',
        position: 'Thành ủy viên',
        ballotStyleId: null,
      }),
    );
    participants.push({ id: p.id, style: 'all' });
  }
  must(await store.conferences.transition(a, conference.id, 'prepared'));
  must(await store.conferences.transition(a, conference.id, 'open'));
  const organiser = await createUser(store, 'van-phong', [{ role: 'organiser', unitId: unit.id }]);
  const trustees: string[] = [];
  for (let i = 1; i <= 5; i++) {
    const userId = await createUser(store, `kiem-phieu-${i}`, [
      { role: 'counting-committee', conferenceId: conference.id },
    ]);
    must(
      await store.committee.add(a, {
        conferenceId: conference.id,
        fullName: `Ủy viên Ban kiểm phiếu ${i}`,
        isHead: i === 1,
        userId,
      }),
    );
    trustees.push(userId);
  }
  return {
    conferenceId: conference.id,
    organiser,
    trustees,
    nonMember: trustees[4]!,
    participants,
    partStyleId: 'all',
    subjectIds: subjects.map((s) => s.id),
    voterNames,
  };
}

/** Rows of the dump that contain `needle` anywhere. */
function rowsWith(dump: DatabaseDump, needle: string): string[] {
  const out: string[] = [];
  for (const table of dump.values())
    for (const row of table.rows) {
      const text = rowText(table, row);
      if (text.includes(needle)) out.push(text);
    }
  return out;
}

/** Kendall's tau between `order` (the truth) and the order the values put those items in. */
function kendallTau(order: readonly number[], value: (item: number) => string | number): number {
  let concordant = 0;
  let discordant = 0;
  const cmp = (x: string | number, y: string | number) =>
    typeof x === 'number' && typeof y === 'number'
      ? x - y
      : String(x) < String(y)
        ? -1
        : x === y
          ? 0
          : 1;
  for (let i = 0; i < order.length; i++)
    for (let j = i + 1; j < order.length; j++) {
      const c = cmp(value(order[i]!), value(order[j]!));
      if (c < 0) concordant++;
      else if (c > 0) discordant++;
    }
  const pairs = (order.length * (order.length - 1)) / 2;
  return (concordant - discordant) / pairs;
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`ballot secrecy over the whole database and the logs (${kind})`, () => {
    let t: TestApp;
    let election: OpenElection;
    const voters: Voter[] = [];
    /** Differences the booth made to the database, per submission (tracker → lines). */
    const boothChanges: { tracker: string; lines: string[] }[] = [];
    let dump: DatabaseDump;
    let secrets: { label: string; value: string }[] = [];

    beforeAll(async () => {
      t = await openTestApp(kind, { TINNHIEM_TRUST_PROXY: '1' });
      const world = await buildWorld(t.store);
      const C = `/api/conferences/${world.conferenceId}`;
      t.clock.set(at('07:00'));
      const org = await sessionClient(t, world.organiser);

      // Each voter gets an account (to read reports) and signs in on their own phone.
      for (let v = 0; v < VOTERS; v++) {
        const participantId = world.participants[v]!.id;
        const account = await org.json<{ userId: string; username: string; password: string }>(
          'POST',
          `${C}/participants/${participantId}/account`,
          undefined,
          201,
        );
        const ip = `10.77.0.${100 + v}`;
        const userAgent = `DienThoai-${v}-Mozilla/5.0 (Linux; Android 13; Máy ${v})`;
        const client = new Client(t);
        const headers = { 'x-forwarded-for': ip, 'user-agent': userAgent };
        const session = await client.json<{ csrfToken: string }>(
          'POST',
          '/api/auth/login',
          { username: account.username, password: account.password },
          200,
          headers,
        );
        client.csrf = session.csrfToken;
        voters.push({
          index: v,
          participantId,
          fullName: world.voterNames[v]!,
          userId: account.userId,
          username: account.username,
          ip,
          userAgent,
          client,
          checkInCode: '',
          slip: -1,
          trackers: [],
          hashes: [],
          ciphertexts: [],
        });
      }
      const headersOf = (v: Voter) => ({ 'x-forwarded-for': v.ip, 'user-agent': v.userAgent });

      // The door: check-in codes from the invitations, in CHECK_IN order, two minutes apart; each
      // voter's phone is in use as they arrive (the session records it).
      const codes = await org.json<{ participantId: string; code: string }[]>(
        'GET',
        `${C}/check-in-codes`,
      );
      for (const v of voters)
        v.checkInCode = codes.find((c) => c.participantId === v.participantId)!.code;
      for (const [k, index] of CHECK_IN.entries()) {
        const v = voters[index]!;
        t.clock.set(at('07:30', k * 120));
        await org.json('POST', `${C}/roll-call/check-in`, { code: v.checkInCode });
        await v.client.json('GET', '/api/auth/session', undefined, 200, headersOf(v));
      }

      // Reading the reports on their phones before the vote, in the order of the list.
      for (const v of voters) {
        t.clock.set(at('09:00', v.index * 30));
        await v.client.json('GET', '/api/auth/session', undefined, 200, headersOf(v));
      }

      // The key ceremony and the slips (one per person summoned, made on the organiser's device).
      t.clock.set(at('09:45'));
      election = await openElection(t, world);
      const { P } = election;
      // At the door each present voter drew a slip at random.
      const draw = [...Array(VOTERS).keys()];
      for (let k = draw.length - 1; k > 0; k--) {
        const r = Math.floor((random(4).reduce((x, y) => x * 256 + y, 0) / 2 ** 32) * (k + 1));
        [draw[k], draw[r]] = [draw[r]!, draw[k]!];
      }
      for (const v of voters) v.slip = draw[v.index]!;

      const booth = await election.anon.json<BoothInfoDto>('GET', `${P}/booth`);
      const ctx: ElectionContext = {
        F: hexToBytes(booth.fingerprint),
        Y: elemFromHex(booth.publicKey)!,
        base: BigInt(booth.base),
      };
      const style = booth.manifest.styles.find((s) => s.id === 'all')!;
      const seal = (v: Voter, salt: number) => {
        const { cred } = election.voters[v.slip]!;
        const choices = style.persons.map((_, k) => LEVELS[(v.index + k + salt) % LEVELS.length]!);
        const { ballot, openings } = encryptBallot(ctx, cred.public, style, choices, random);
        return { signed: signBallot(ctx, ballot, cred, random), ballot, openings };
      };
      const remember = (v: Voter, b: Ballot, receipt: BallotReceiptDto, hash: string) => {
        v.trackers.push(receipt.tracker);
        v.hashes.push(hash);
        for (const line of b.lines) v.ciphertexts.push(line.alpha, line.beta);
      };
      const hashOf = async (seq: number) =>
        (await t.store.elections.events(world.conferenceId)).find((e) => e.seq === seq)!.hash;

      /** One visit to the booth from the voter's own phone, signed in, as the web app sends it. */
      const visit = async (v: Voter, path: 'ballots' | 'audits', salt: number) => {
        const before = await dumpDatabase(t);
        const h = headersOf(v);
        const credential = election.voters[v.slip]!.cred.public.hex;
        await v.client.json('GET', `${P}/booth?credential=${credential}`, undefined, 200, h);
        const b = seal(v, salt);
        const body =
          path === 'ballots' ? { ballot: b.signed } : { ballot: b.ballot, openings: b.openings };
        const receipt = await v.client.json<BallotReceiptDto>('POST', `${P}/${path}`, body, 201, h);
        await v.client.json('GET', `${P}/board`, undefined, 200, h);
        remember(v, path === 'ballots' ? b.signed : b.ballot, receipt, await hashOf(receipt.seq));
        boothChanges.push({
          tracker: receipt.tracker,
          lines: dumpDifferences(before, await dumpDatabase(t)),
        });
      };

      // Paper chosen: the two slips are handed in and voided during voting.
      t.clock.set(at('09:58'));
      await election.org.json('POST', `${election.C}/void`, {
        credentials: PAPER.map((p) => election.voters[voters[p]!.slip]!.cred.public.hex),
      });
      for (const [k, index] of CAST.entries()) {
        const v = voters[index]!;
        t.clock.set(at('10:00', k * 83));
        if (index === 4) await visit(v, 'audits', 3);
        await visit(v, 'ballots', 0);
      }
      t.clock.set(at('10:20'));
      await visit(voters[3]!, 'ballots', 2);

      // Closing, and three of the five trustees decrypt the totals from their devices.
      t.clock.set(at('10:25'));
      await election.org.json('POST', `${election.C}/close`, { close: true });
      for (const j of [1, 3, 5]) {
        const trustee = election.trustees[j - 1]!;
        const view = await trustee.json<TrusteeViewDto>('GET', `${election.C}/trustee`);
        const xj = election.secretShares[j - 1]!;
        const Xj = elemFromHex(
          view.keyStatement!.verificationKeys.find((k) => k.trustee === j)!.key,
        )!;
        const partials = view.tally!.map((tp) => ({
          person: tp.person,
          ...partialDecrypt(election.F, j, tp.person, xj, Xj, elemFromHex(tp.alpha)!, random),
        }));
        await trustee.json('POST', `${election.C}/trustee/partial`, { trustee: j, partials });
      }

      // The paper ballots: the committee records the figures and enters both ballots twice.
      t.clock.set(at('10:30'));
      const [head, second] = election.trustees;
      await head!.json('PUT', `${C}/counting/sheets/all/accounting`, {
        issued: 2,
        collected: 2,
        spoiledExchanged: 0,
      });
      for (const [n, marks] of [
        [1, '123'],
        [2, '321'],
      ] as const)
        for (const [slot, member] of [
          ['a', head!],
          ['b', second!],
        ] as const)
          await member.json('PUT', `${C}/counting/sheets/all/ballots/${n}/${slot}`, {
            clientId: `paper-${n}-${slot}`,
            version: 1,
            void: false,
            marks,
          });
      const result = await election.org.json<{ persons: { collected: number }[] }>(
        'GET',
        `${C}/result`,
      );
      expect(result.persons.map((p) => p.collected)).toEqual([15, 15, 15]);

      dump = await dumpDatabase(t);
      secrets = [
        ...election.voters.flatMap((s, k) => [
          { label: `slip ${k}`, value: s.slip },
          { label: `credential secret ${k}`, value: s.cred.secret.toString(16).padStart(64, '0') },
          { label: `credential secret ${k} (decimal)`, value: s.cred.secret.toString() },
        ]),
        ...election.secretShares.flatMap((x, k) => [
          { label: `share of trustee ${k + 1}`, value: x.toString(16).padStart(64, '0') },
          { label: `share of trustee ${k + 1} (decimal)`, value: x.toString() },
        ]),
      ];
    }, 300_000);
    afterAll(async () => t?.close());

    const electronic = () => CAST.map((i) => voters[i]!);
    /** What names a voter in a row. */
    const voterKeys = (v: Voter) => [
      v.participantId,
      v.userId,
      v.username,
      v.fullName,
      v.checkInCode,
      v.ip,
      v.userAgent,
      ...sessionKeys(v),
    ];
    const sessionKeys = (v: Voter) =>
      [...dump.values()]
        .flatMap((table) => table.rows.map((row) => ({ table, row })))
        .filter(({ table, row }) => table.name === 'sessions' && row.cells.user_id === v.userId)
        .flatMap(({ row }) => [row.cells.id!, row.cells.token_digest!, row.cells.csrf_token!]);
    /** What names a ballot in a row. */
    const ballotKeys = (v: Voter) => [
      ...(v.slip >= 0 ? [election.voters[v.slip]!.cred.public.hex] : []),
      ...v.trackers,
      ...v.hashes,
      ...v.ciphertexts.slice(0, 2),
    ];

    it('a visit to the booth changes only the rows that carry that ballot (no time, no session, no audit entry)', () => {
      expect(boothChanges.length).toBe(CAST.length + 2);
      for (const { tracker, lines } of boothChanges) {
        expect(lines.length).toBeGreaterThan(0);
        const other = lines.filter((l) => !(l.startsWith('+ ') && l.includes(tracker)));
        expect(other, `the booth visit of ${tracker} also changed`).toEqual([]);
      }
    });

    it('rows that carry a ballot hold no voter, address, user agent or time', () => {
      const ballotRows: string[] = [];
      for (const table of dump.values())
        for (const row of table.rows) {
          const text = rowText(table, row);
          if (voters.some((v) => v.trackers.some((tr) => text.includes(tr)))) ballotRows.push(text);
        }
      // 13 cast, one audited, one cast again; the board lists each.
      expect(ballotRows.length).toBeGreaterThanOrEqual(CAST.length + 2);
      for (const text of ballotRows) {
        for (const v of voters)
          for (const key of voterKeys(v))
            expect(text.includes(key), `${key} in ${text.slice(0, 120)}`).toBe(false);
        expect(TIME_LIKE.test(text), `a time in ${text.slice(0, 200)}`).toBe(false);
      }
    });

    it('no row holds a ballot together with a voter, and no address or user agent is stored', () => {
      const offenders: string[] = [];
      for (const table of dump.values())
        for (const row of table.rows) {
          const text = rowText(table, row);
          const names = voters.filter((v) => voterKeys(v).some((k) => text.includes(k)));
          const ballots = voters.filter((v) => ballotKeys(v).some((k) => text.includes(k)));
          if (names.length > 0 && ballots.length > 0) offenders.push(text.slice(0, 300));
        }
      expect(offenders).toEqual([]);
      for (const v of voters) {
        expect(rowsWith(dump, v.ip)).toEqual([]);
        expect(rowsWith(dump, v.userAgent)).toEqual([]);
      }
      // The private parts never reached the server: slips, credential secrets, trustees' shares.
      for (const s of secrets) expect(rowsWith(dump, s.value), s.label).toEqual([]);
    });

    it('ballots are stored in arrival order, and nothing stored about voters orders them that way', () => {
      // Storage order (row position and seq) is the order of arrival, as the public record shows it.
      const ballotTable = [...dump.values()].find((tb) =>
        tb.rows.some((r) =>
          Object.values(r.cells).some((c) => c === voters[CAST[0]!]!.trackers[0]),
        ),
      )!;
      const cellTracker = (row: DumpedRow) =>
        Object.values(row.cells).find((c) => voters.some((v) => v.trackers.includes(c ?? '')));
      const arrival = ballotTable.rows
        .map((r) => cellTracker(r))
        .filter((c): c is string => c !== undefined)
        .map((tr) => voters.find((v) => v.trackers.includes(tr))!.index);
      expect(arrival).toEqual([...CAST.slice(0, 7), 4, ...CAST.slice(7), 3]);
      expect(CAST).not.toEqual(CHECK_IN.filter((i) => CAST.includes(i)));

      // For every table and column (and the row position), the values of rows naming exactly one
      // electronic voter: do they sort those voters in the order they cast? |tau| ≥ 0.9 would.
      const who = (table: DumpedTable, row: DumpedRow) => {
        const text = rowText(table, row);
        const named = electronic().filter((v) => voterKeys(v).some((k) => text.includes(k)));
        return named.length === 1 ? named[0]! : null;
      };
      const checked: string[] = [];
      const leaks: string[] = [];
      for (const table of dump.values()) {
        const perVoter = new Map<number, DumpedRow[]>();
        for (const row of table.rows) {
          const v = who(table, row);
          if (v) perVoter.set(v.index, [...(perVoter.get(v.index) ?? []), row]);
        }
        if (perVoter.size < CAST.length) continue;
        for (const column of ['(position)', ...table.columns]) {
          const valuesOf = (index: number) =>
            perVoter.get(index)!.map((r) => {
              const raw = column === '(position)' ? String(r.pos) : (r.cells[column] ?? '');
              return raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
            });
          for (const [pick, truth] of [
            ['first', CAST],
            ['last', LAST_VISIT],
          ] as const) {
            const value = (index: number) => {
              const sorted = [...valuesOf(index)].sort((x, y) =>
                typeof x === 'number' && typeof y === 'number'
                  ? x - y
                  : String(x) < String(y)
                    ? -1
                    : 1,
              );
              return pick === 'first' ? sorted[0]! : sorted[sorted.length - 1]!;
            };
            const tau = kendallTau(truth, value);
            checked.push(`${table.name}.${column}`);
            if (Math.abs(tau) >= 0.9)
              leaks.push(`${table.name}.${column} (${pick}): tau ${tau.toFixed(2)}`);
          }
        }
      }
      // The roll call, the accounts and the sessions were looked at, with check-in times among them.
      expect(checked).toEqual(
        expect.arrayContaining(['participants.attendance_at', 'sessions.last_seen_at']),
      );
      expect(leaks).toEqual([]);
    });

    it('audit entries of election actions name no credential or ballot', () => {
      const audit = dump.get('audit_log')!;
      const election_ = audit.rows.filter((r) => (r.cells.action ?? '').startsWith('election.'));
      expect(election_.length).toBeGreaterThan(5);
      for (const row of election_) {
        const text = rowText(audit, row);
        for (const v of voters)
          for (const key of ballotKeys(v))
            expect(text.includes(key), text.slice(0, 200)).toBe(false);
        for (const s of election.voters) expect(text.includes(s.cred.public.hex)).toBe(false);
      }
    });

    it('the logs hold no ballot, credential, tracker, share or key, and no line for the booth', () => {
      const logs = [...t.logs, ...t.errors].join('\n');
      expect(t.logs.length).toBeGreaterThan(50);
      expect(t.errors).toEqual([]);
      const forbidden = [
        ...voters.flatMap((v) => [...v.trackers, ...v.hashes, ...v.ciphertexts]),
        ...election.voters.map((s) => s.cred.public.hex),
        ...secrets.map((s) => s.value),
        ...voters.flatMap((v) => [v.ip, v.userAgent, v.username, v.checkInCode]),
      ];
      for (const value of forbidden) expect(logs.includes(value), value).toBe(false);
      // The encrypted shares the trustees exchanged, and their keys, are not logged either.
      const dkg = [...dump.values()].find((tb) => tb.name === 'election_dkg_messages');
      for (const row of dkg?.rows ?? []) {
        const body = row.cells.body ?? '';
        for (const hex of body.match(/[0-9a-f]{64}/g) ?? []) expect(logs.includes(hex)).toBe(false);
      }
      expect(t.logs.filter((l) => /\/election\/(booth|ballots|audits|board)\b/.test(l))).toEqual(
        [],
      );
    });
  });
}
