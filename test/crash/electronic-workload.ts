// Electronic ballots for the crash test (issue 8 §2, ADR 0006): voters cast through the real server while
// it is killed; ballots that arrive together are committed together, and after each restart every
// acknowledged ballot is on the board exactly once (others at most once) and the record's chain holds.

import { firstBrokenLink } from '../../src/core/election-record/event-chain.js';
import type { RecordEvent } from '../../src/core/election-record/record-types.js';
import {
  TAGS,
  type Ballot,
  type Credential,
  type DkgCommitment,
  type ElectionContext,
  type LineChoice,
  type Point,
  ballotTracker,
  credentialFromSecret,
  credentialFromSlip,
  deal,
  elemFromHex,
  encryptBallot,
  generateSlip,
  generateTrusteeKey,
  hexToBytes,
  parseSlip,
  signBallot,
  signDigest,
  systemRandom,
} from '../../src/crypto/index.js';
import { hashPassword } from '../../src/server/auth/password.js';
import type { BoothInfoDto, TrusteeViewDto } from '../../src/server/routes/election-schemas.js';
import { SYSTEM_ACTOR, type StoreResult } from '../../src/store/index.js';
import { buildElectronicWorld } from '../server/electronic-world.js';
import { ApiClient } from './api-client.js';
import { CRASH_USER, exactlyOnce, storeSession, type Workload } from './workloads.js';

function must<T>(r: StoreResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const LEVELS: LineChoice[] = ['high', 'confidence', 'low', 'blank'];

/**
 * Attempt i casts a fresh ballot of voter (i − 1) mod `voters` (a voter who comes back casts again;
 * the record keeps both, the later counts). Attempts are told apart by their trackers.
 */
export function electronicBallotWorkload(voters = 300, persons = 3): Workload {
  const random = systemRandom;
  let C = '';
  let P = '';
  let sessions: { cookie: string; csrf: string }[] = [];
  const anon = new ApiClient('');
  const as = (api: ApiClient, session: { cookie: string; csrf: string }) => {
    const c = new ApiClient(api.url);
    c.cookie = session.cookie;
    c.csrf = session.csrf;
    return c;
  };
  let styles: string[] = [];
  let slips: { cred: Credential; style: string }[] = [];
  let ctx: ElectionContext | null = null;
  let booth: BoothInfoDto | null = null;
  const attemptOf = new Map<string, number>();
  return {
    name: 'electronic ballots',
    seed: async (store) => {
      const w = await buildElectronicWorld(store, voters, persons);
      C = `/api/conferences/${w.conferenceId}/election`;
      P = `/api/public/conferences/${w.conferenceId}/election`;
      styles = w.participants.map((p) => p.style);
      const admin = must(
        await store.users.create(SYSTEM_ACTOR, {
          username: CRASH_USER.username,
          displayName: 'Kiểm thử sập đổ',
          passwordHash: await hashPassword(CRASH_USER.password, random),
        }),
      );
      must(await store.users.addGrant(SYSTEM_ACTOR, admin.id, { role: 'administrator' }));
      sessions = [];
      for (const id of [w.organiser, ...w.trustees]) sessions.push(await storeSession(store, id));
    },
    prepare: async (api) => {
      // the key ceremony (5 trustees, threshold 3), the slips, and voting opens (spec §8, §6)
      const org = as(api, sessions[0]!);
      const trustees = sessions.slice(1).map((s) => as(api, s));
      await org.must('POST', C, {}, 201);
      const view = (k: number) => trustees[k]!.must<TrusteeViewDto>('GET', `${C}/trustee`);
      const F = hexToBytes((await view(0)).fingerprint);
      const keys = [1, 2, 3, 4, 5].map((i) => generateTrusteeKey(F, i, random));
      for (const [k, key] of keys.entries())
        await trustees[k]!.must('POST', `${C}/trustee/key`, key.published);
      const keyMap = new Map<number, Point>(
        (await view(0)).trusteeKeys.map((k) => [k.trustee, elemFromHex(k.key)!.point]),
      );
      const deals = [1, 2, 3, 4, 5].map((i) => deal(F, i, 3, keyMap, random));
      for (const [k, d] of deals.entries())
        await trustees[k]!.must('POST', `${C}/trustee/commitment`, d.published);
      for (const [k, t] of trustees.entries()) {
        const v = await view(k);
        if (v.commitments.some((c: DkgCommitment) => c.commitments.length === 0))
          throw new Error('a trustee posted no commitment');
        await t.must('POST', `${C}/trustee/check`, { trustee: k + 1, complaints: [] });
      }
      for (const [k, t] of trustees.entries()) {
        const v = await view(k);
        const signature = signDigest(
          F,
          credentialFromSecret(keys[k]!.secret),
          hexToBytes(v.keyStatement!.digest),
          random,
          TAGS.acknowledgement,
        );
        await t.must('POST', `${C}/trustee/acknowledgement`, { trustee: k + 1, signature });
      }
      slips = styles.map((style) => {
        const seed = parseSlip(generateSlip(random));
        if (!seed.ok) throw new Error('slip');
        return { cred: credentialFromSlip(F, seed.value), style };
      });
      await org.must('POST', `${C}/credentials`, {
        credentials: slips.map((s) => ({ credential: s.cred.public.hex, style: s.style })),
      });
      await org.must('POST', `${C}/open`, { open: true });
      anon.url = api.url;
      booth = await anon.must<BoothInfoDto>('GET', `${P}/booth`);
      ctx = {
        F: hexToBytes(booth.fingerprint),
        Y: elemFromHex(booth.publicKey)!,
        base: BigInt(booth.base),
      };
    },
    write: async (api, i) => {
      const { cred, style } = slips[(i - 1) % slips.length]!;
      const s = booth!.manifest.styles.find((x) => x.id === style)!;
      const { ballot } = encryptBallot(
        ctx!,
        cred.public,
        s,
        s.persons.map((_, k) => LEVELS[(i + k) % 4]!),
        random,
      );
      const signed: Ballot = signBallot(ctx!, ballot, cred, random);
      attemptOf.set(ballotTracker(signed), i);
      anon.url = api.url;
      const r = await anon.send('POST', `${P}/ballots`, { ballot: signed });
      if (r.status >= 500) throw new Error(`server answered ${r.status}`);
      return r.status === 201;
    },
    check: async (api, attempted, acked) => {
      anon.url = api.url;
      const problems: string[] = [];
      const board = await anon.must<{ ballots: { tracker: string; kind: string }[] }>(
        'GET',
        `${P}/board`,
      );
      const counts = new Map<number, number>();
      for (const b of board.ballots) {
        const i = attemptOf.get(b.tracker);
        if (i === undefined) problems.push(`ballot ${b.tracker} on the board was never cast`);
        else counts.set(i, (counts.get(i) ?? 0) + 1);
      }
      problems.push(...exactlyOnce(counts, attempted, acked));
      const record = await anon.send('GET', `${P}/record.json`);
      const events = (record.body as { events: RecordEvent[] }).events;
      const broken = firstBrokenLink(events);
      if (broken >= 0) problems.push(`the record's chain breaks at event ${broken}`);
      return problems;
    },
  };
}
