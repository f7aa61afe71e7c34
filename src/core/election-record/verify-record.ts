// verifyRecord: re-checks a public record from setup to result and reports named checks (spec §12).
import {
  TAGS,
  addSignature,
  type Ballot,
  BatchVerifier,
  type DkgCommitment,
  type DkgComplaint,
  type Elem,
  type ElectionContext,
  type Point,
  type RandomSource,
  G,
  addBallotProofs,
  addDkgCommitment,
  addPartialDecryption,
  addTrusteeKey,
  checkOpenings,
  combinePartials,
  combinePublicKey,
  decodeBallot,
  elemFromHex,
  findInvalid,
  judgeComplaint,
  mulPublic,
  systemRandom,
  verificationKey,
  bytesToHex,
} from '../../crypto/index.js';
import {
  type BallotChunkInput,
  type BallotChunkReport,
  verifyBallotChunk,
} from './ballot-chunk.js';
import { firstBrokenLink } from './event-chain.js';
import { keyCeremonyDigest } from './key-ceremony.js';
import { ballotBase, electionFingerprint } from './fingerprint.js';
import {
  CHECK_NAMES,
  type Check,
  type CheckName,
  type AuditedBallotBody,
  type BallotBody,
  type CredentialsBody,
  type CredentialsVoidedBody,
  type ElectionKeyBody,
  type Manifest,
  type PartialDecryptionBody,
  type RecordEvent,
  type ResultBody,
  type TallyBody,
  type TrusteeKeyBody,
} from './record-types.js';
import { countsFromSum, lastBallotPerCredential } from './tally.js';

/** Options of verifyRecord. */
export interface VerifyOptions {
  /** The verifier's own randomness for batch weights (spec §5.5); never taken from the record. */
  random?: RandomSource;
  /** Progress of the long phase (ballots). */
  onProgress?: (phase: string, done: number, total: number) => void;
  /**
   * Verifies runs of ballots, e.g. on worker threads; defaults to verifyBallotChunk in this thread.
   * It receives the whole list and decides how to split it.
   */
  verifyBallots?: (
    input: BallotChunkInput,
    onProgress: (done: number) => void,
  ) => Promise<BallotChunkReport>;
}

/** The grammar of event types (spec §11.2), one letter per type. */
const LETTER: Record<string, string> = {
  manifest: 'M',
  trustee_key: 'K',
  dkg_commitment: 'C',
  dkg_complaint: 'X',
  election_key: 'E',
  credentials: 'R',
  credentials_voided: 'V',
  voting_opened: 'O',
  ballot: 'b',
  audited_ballot: 'a',
  voting_closed: 'Z',
  tally: 'T',
  partial_decryption: 'P',
  result: 'S',
};
const ORDER = /^MK+C+X*ERV*O[baV]*ZTP+S$/;

class Report {
  readonly checks = new Map<CheckName, Check>(
    CHECK_NAMES.map((c) => [c, { check: c, ok: true, detail: '' }]),
  );
  fail(check: CheckName, detail: string): void {
    const c = this.checks.get(check)!;
    c.ok = false;
    c.detail = c.detail ? `${c.detail}; ${detail}` : detail;
  }
  note(check: CheckName, detail: string): void {
    const c = this.checks.get(check)!;
    if (c.ok) c.detail = detail;
  }
  ok(check: CheckName): boolean {
    return this.checks.get(check)!.ok;
  }
  skip(checks: readonly CheckName[], because: string): void {
    for (const c of checks) if (this.ok(c)) this.fail(c, `not checked: ${because}`);
  }
  list(): Check[] {
    return [...this.checks.values()];
  }
}

const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x);
const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown): x is string => typeof x === 'string';
const list = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const sameList = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);
const few = (xs: readonly (string | number)[]) =>
  xs.length <= 5 ? xs.join(', ') : `${xs.slice(0, 5).join(', ')} … (${xs.length})`;

/** Re-checks a record; every check of spec §12 appears once in the result, in order. */
export async function verifyRecord(record: unknown, options: VerifyOptions = {}): Promise<Check[]> {
  const r = new Report();
  try {
    return await runChecks(record, options, r);
  } catch (e) {
    // Hostile input that slipped past the shape checks (e.g. an unsafe integer deep in a body, which
    // canonical JSON refuses): the record is not well formed; nothing after the failure is vouched for.
    r.fail('record_well_formed', `unreadable content: ${(e as Error).message}`);
    r.skip(CHECK_NAMES.slice(1), 'verification stopped on unreadable content');
    return r.list();
  }
}

async function runChecks(record: unknown, options: VerifyOptions, r: Report): Promise<Check[]> {
  const random = options.random ?? systemRandom;
  const progress = options.onProgress ?? (() => {});
  const all = CHECK_NAMES.filter((c) => c !== 'record_well_formed');

  // record_well_formed: shape and event order (spec §11.2)
  if (!isObj(record) || record.format !== 'tinnhiem-record/1' || !Array.isArray(record.events)) {
    r.fail('record_well_formed', 'expected { format: "tinnhiem-record/1", events: [...] }');
    r.skip(all, 'record not well formed');
    return r.list();
  }
  const events = record.events as RecordEvent[];
  const shapeBad = events.findIndex(
    (e) =>
      !isObj(e) ||
      !isInt(e.seq) ||
      !isStr(e.type) ||
      !isStr(e.prev) ||
      !isStr(e.hash) ||
      !isObj(e.body),
  );
  if (shapeBad >= 0) {
    r.fail('record_well_formed', `event ${shapeBad} lacks seq, type, prev, hash or body`);
    r.skip(all, 'record not well formed');
    return r.list();
  }
  const letters = events.map((e) => LETTER[e.type] ?? '?').join('');
  if (!ORDER.test(letters)) {
    r.fail(
      'record_well_formed',
      `event types out of the order of spec §11.2 (${letters.slice(0, 40)})`,
    );
    r.skip(all, 'record not well formed');
    return r.list();
  }
  r.note('record_well_formed', `${events.length} events`);

  // event_chain_valid (spec §11.1); ballot events are hashed by the ballot workers, so the chain is
  // checked as soon as their hashes are known, or at the end when the checks stop early.
  const hashedElsewhere = new Map<number, string>();
  let chainChecked = false;
  const checkChain = () => {
    if (chainChecked) return;
    chainChecked = true;
    const broken = firstBrokenLink(events, hashedElsewhere);
    if (broken >= 0)
      r.fail('event_chain_valid', `event ${broken}: seq, prev or hash does not match`);
    else r.note('event_chain_valid', `head ${events[events.length - 1]!.hash.slice(0, 16)}…`);
  };

  const byType = (t: string) => events.filter((e) => e.type === t).map((e) => e.body);
  const manifest = events[0]!.body as Manifest;

  // manifest_valid
  const manifestProblem = checkManifest(manifest);
  if (manifestProblem) {
    r.fail('manifest_valid', manifestProblem);
    checkChain();
    r.skip(all.slice(2), 'manifest invalid');
    return r.list();
  }
  const n = manifest.trustees;
  const t = manifest.threshold;
  const base = ballotBase(manifest);
  const F = electionFingerprint(manifest);
  const personIds = manifest.persons.map((p) => p.id);
  const styles = new Map(manifest.styles.map((s) => [s.id, s.persons]));
  r.note(
    'manifest_valid',
    `${personIds.length} persons, ${styles.size} styles, ${t} of ${n} trustees`,
  );

  // trustee_keys_valid (spec §8.1)
  const tkBodies = byType('trustee_key') as TrusteeKeyBody[];
  const E = new Map<number, Elem>();
  if (
    !sameList(
      tkBodies.map((b) => b.trustee),
      list(n),
    )
  ) {
    r.fail('trustee_keys_valid', `expected trustee keys for 1..${n} in order`);
  } else {
    const bad = findInvalid(
      tkBodies.length,
      (b, k) => void addTrusteeKey(b, F, tkBodies[k]!),
      random,
    );
    tkBodies.forEach((b) => {
      const e = elemFromHex(b.key);
      if (e) E.set(b.trustee, e);
    });
    if (bad.length)
      r.fail(
        'trustee_keys_valid',
        `invalid proof or key for trustee ${few(bad.map((k) => k + 1))}`,
      );
    else r.note('trustee_keys_valid', `${n} keys, proofs valid`);
  }

  // dkg_commitments_valid (spec §8.2)
  const dkBodies = byType('dkg_commitment') as DkgCommitment[];
  const A = new Map<number, Point[]>();
  if (
    !sameList(
      dkBodies.map((b) => b.trustee),
      list(n),
    )
  ) {
    r.fail('dkg_commitments_valid', `expected commitments of trustees 1..${n} in order`);
  } else {
    const bad: number[] = [];
    for (const d of dkBodies) {
      const batch = new BatchVerifier(random);
      const points = addDkgCommitment(batch, F, d, t);
      const expectTo = list(n).filter((j) => j !== d.trustee);
      const sharesOk =
        Array.isArray(d.shares) &&
        sameList(
          d.shares.map((s) => s?.to),
          expectTo,
        ) &&
        d.shares.every(
          (s) =>
            elemFromHex(s.R) &&
            /^[0-9a-f]{64}$/.test(String(s.ct)) &&
            /^[0-9a-f]{64}$/.test(String(s.mac)),
        );
      if (!points || !batch.valid() || !sharesOk) bad.push(d.trustee);
      else A.set(d.trustee, points);
    }
    if (bad.length)
      r.fail('dkg_commitments_valid', `trustee ${few(bad)}: commitments, proofs or shares invalid`);
    else
      r.note('dkg_commitments_valid', `${n} × ${t} commitments, ${n * (n - 1)} encrypted shares`);
  }

  // dkg_complaints_valid (spec §8.3)
  const complaints = byType('dkg_complaint') as DkgComplaint[];
  const upheld = new Set<number>();
  let rejected = 0;
  for (const c of complaints) {
    const ok = isInt(c.from) && isInt(c.to) && c.from !== c.to && A.has(c.from) && E.has(c.to);
    if (!ok) {
      r.fail(
        'dkg_complaints_valid',
        `complaint ${String(c.from)}→${String(c.to)} names unknown trustees`,
      );
      continue;
    }
    const enc = dkBodies[c.from - 1]!.shares.find((s) => s.to === c.to)!;
    const verdict = judgeComplaint(
      F,
      c,
      enc,
      E.get(c.to)!,
      A.get(c.from)!,
      new BatchVerifier('exact'),
    );
    if (verdict === 'upheld') upheld.add(c.from);
    else rejected++;
  }
  r.note(
    'dkg_complaints_valid',
    `${complaints.length} complaints: ${upheld.size ? `upheld against ${[...upheld].join(', ')}` : 'none upheld'}, ${rejected} rejected`,
  );

  // election_key_valid (spec §8.4)
  const ek = events.find((e) => e.type === 'election_key')!.body as ElectionKeyBody;
  let Y: Elem | undefined;
  const X = new Map<number, Elem>();
  if (
    !r.ok('trustee_keys_valid') ||
    !r.ok('dkg_commitments_valid') ||
    !r.ok('dkg_complaints_valid')
  ) {
    r.fail('election_key_valid', 'not checked: the key generation above failed');
  } else {
    const qual = list(n).filter((i) => !upheld.has(i));
    const qc = qual.map((i) => A.get(i)!);
    const stated = elemFromHex(ek.publicKey);
    if (!Array.isArray(ek.qualified) || !sameList(ek.qualified, qual)) {
      r.fail('election_key_valid', `qualified should be [${qual.join(', ')}]`);
    } else if (qual.length < t) {
      r.fail('election_key_valid', `only ${qual.length} qualified trustees, threshold ${t}`);
    } else if (!stated || !stated.point.equals(combinePublicKey(qc))) {
      r.fail(
        'election_key_valid',
        'publicKey is not the sum of the qualified constant commitments',
      );
    } else if (
      !Array.isArray(ek.verificationKeys) ||
      !sameList(
        ek.verificationKeys.map((v) => v?.trustee),
        list(n),
      )
    ) {
      r.fail('election_key_valid', `verificationKeys should list trustees 1..${n}`);
    } else {
      Y = stated;
      for (const v of ek.verificationKeys) {
        const Xj = elemFromHex(v.key);
        if (!Xj || !Xj.point.equals(verificationKey(qc, v.trustee))) {
          r.fail('election_key_valid', `verification key of trustee ${v.trustee} is wrong`);
        } else X.set(v.trustee, Xj);
      }
      const ceremony = keyCeremonyDigest(events, ek);
      const acks = Array.isArray(ek.acknowledgements) ? ek.acknowledgements : [];
      if (
        !sameList(
          acks.map((a) => a?.trustee),
          list(n),
        )
      ) {
        r.fail('election_key_valid', `acknowledgements should come from trustees 1..${n}`);
      } else {
        const bad = findInvalid(
          n,
          (b, k) =>
            void addSignature(
              b,
              F,
              E.get(k + 1)!,
              ceremony,
              acks[k]!.signature,
              TAGS.acknowledgement,
            ),
          random,
        );
        if (bad.length) {
          r.fail(
            'election_key_valid',
            `acknowledgement of trustee ${few(bad.map((k) => k + 1))} invalid`,
          );
        }
      }
      if (r.ok('election_key_valid'))
        r.note(
          'election_key_valid',
          `Y = ${stated.hex.slice(0, 16)}…, qualified ${qual.join(', ')}`,
        );
    }
  }
  if (!Y) {
    checkChain();
    r.skip(all.slice(7), 'no valid election key');
    return r.list();
  }
  const ctx: ElectionContext = { F, Y, base };

  // credentials_valid (spec §6)
  const credBody = events.find((e) => e.type === 'credentials')!.body as CredentialsBody;
  const credStyle = new Map<string, string>();
  if (!Array.isArray(credBody.credentials))
    r.fail('credentials_valid', 'credentials is not a list');
  else {
    for (const [k, c] of credBody.credentials.entries()) {
      const P = elemFromHex(c?.credential);
      if (!P || P.point.is0()) r.fail('credentials_valid', `credential ${k} is not a valid point`);
      else if (credStyle.has(P.hex)) r.fail('credentials_valid', `credential ${k} is listed twice`);
      else if (!isStr(c.style) || !styles.has(c.style))
        r.fail('credentials_valid', `credential ${k} has unknown style`);
      else credStyle.set(P.hex, c.style);
    }
    if (credBody.credentials.length > manifest.maxVoters) {
      r.fail(
        'credentials_valid',
        `${credBody.credentials.length} credentials exceed maxVoters ${manifest.maxVoters}`,
      );
    }
    r.note('credentials_valid', `${credStyle.size} credentials`);
  }

  // ballots_well_formed (spec §7.2): JSON shape against credential and style
  const ballotEvents = events.filter((e) => e.type === 'ballot');
  const ballots = ballotEvents.map((e) => (e.body as BallotBody).ballot);
  const audited = byType('audited_ballot') as AuditedBallotBody[];
  const shapeProblem = (b: Ballot, needSignature: boolean): string | undefined => {
    if (!isObj(b) || !isStr(b.credential) || !isStr(b.style) || !Array.isArray(b.lines))
      return 'not a ballot';
    const style = credStyle.get(b.credential);
    if (style === undefined) return 'credential not listed';
    if (style !== b.style) return `style ${b.style} is not the credential's (${style})`;
    if (
      !sameList(
        b.lines.map((l) => (isObj(l) ? l.person : undefined)),
        styles.get(style)!,
      )
    ) {
      return 'lines do not match the style';
    }
    if (needSignature && !isObj(b.signature)) return 'no signature';
    return undefined;
  };
  const wellFormed = ballots.map((b, i) => {
    const p = shapeProblem(b, true);
    if (p) r.fail('ballots_well_formed', `ballot ${i} (event ${ballotEvents[i]!.seq}): ${p}`);
    return !p;
  });
  const auditWellFormed = audited.map((a, i) => {
    const p = shapeProblem(a.ballot, false);
    if (p) r.fail('ballots_well_formed', `audited ballot ${i}: ${p}`);
    return !p;
  });

  // replacement_policy_applied (spec §7.4)
  const goodBallots = ballots.filter((_, i) => wellFormed[i]);
  const ballotIndices = events.flatMap((e, k) => (e.type === 'ballot' ? [k] : []));
  const goodIndices = ballotIndices.filter((_, i) => wellFormed[i]);
  const goodEvents = goodIndices.map((k) => events[k]!);
  const acceptedFlags = lastBallotPerCredential(goodBallots);

  // ballot_signatures_valid, ballot_proofs_valid, and the sums (spec §5.5, §7.3, §10.1)
  const chunkInput: BallotChunkInput = {
    fingerprint: bytesToHex(F),
    publicKey: Y.hex,
    base: base.toString(),
    persons: personIds,
    events: goodEvents,
    accepted: acceptedFlags,
  };
  const total = goodBallots.length;
  progress('ballots', 0, total);
  const report = options.verifyBallots
    ? await options.verifyBallots(chunkInput, (d) => progress('ballots', d, total))
    : verifyBallotChunk(chunkInput, random, (d) => progress('ballots', d, total));
  goodIndices.forEach((k, i) => hashedElsewhere.set(k, report.eventHashes[i]!));
  checkChain();

  const acceptedDigests = report.digests.filter((_, i) => acceptedFlags[i]);
  const tally = events.find((e) => e.type === 'tally')!.body as TallyBody;
  if (!Array.isArray(tally.accepted) || !sameList(tally.accepted, acceptedDigests)) {
    r.fail(
      'replacement_policy_applied',
      'tally.accepted is not the last ballot per credential before closing',
    );
  } else {
    r.note(
      'replacement_policy_applied',
      `${acceptedDigests.length} accepted of ${ballots.length} cast (${ballots.length - acceptedDigests.length} replaced)`,
    );
  }

  checkVoided(r, byType('credentials_voided') as CredentialsVoidedBody[], credStyle, ballots);

  const goodIndex = ballots.map((_, i) => i).filter((i) => wellFormed[i]);
  for (const k of report.malformed)
    r.fail('ballots_well_formed', `ballot ${goodIndex[k]}: invalid point encoding`);
  for (const k of report.badSignatures)
    r.fail('ballot_signatures_valid', `ballot ${goodIndex[k]}: signature invalid`);
  for (const k of report.badProofs)
    r.fail('ballot_proofs_valid', `ballot ${goodIndex[k]}: line proof invalid`);
  r.note('ballots_well_formed', `${ballots.length} ballots, ${audited.length} audited`);
  r.note(
    'ballot_signatures_valid',
    `${total - report.badSignatures.length - report.malformed.length} signatures valid`,
  );
  r.note(
    'ballot_proofs_valid',
    `${total - report.badProofs.length - report.malformed.length} ballots, all line proofs valid`,
  );

  // audited_ballots_valid (spec §7.5)
  audited.forEach((a, i) => {
    if (!auditWellFormed[i])
      return r.fail('audited_ballots_valid', `audited ballot ${i} malformed`);
    const d = decodeBallot(a.ballot);
    if (!d) return r.fail('audited_ballots_valid', `audited ballot ${i}: invalid point encoding`);
    const batch = new BatchVerifier(random);
    addBallotProofs(batch, ctx, a.ballot, d);
    if (!batch.valid())
      return r.fail('audited_ballots_valid', `audited ballot ${i}: proof invalid`);
    if (!checkOpenings(ctx, d.lines, a.openings))
      r.fail('audited_ballots_valid', `audited ballot ${i}: opening does not match`);
  });
  r.note('audited_ballots_valid', `${audited.length} audited ballots open correctly`);

  // tally_matches_ballots (spec §10.1)
  const counted = new Map(personIds.map((p) => [p, 0]));
  goodBallots.forEach((b, i) => {
    if (acceptedFlags[i])
      for (const l of b.lines) counted.set(l.person, counted.get(l.person)! + 1);
  });
  const tallyElems = new Map<string, { alpha: Elem; beta: Elem; counted: number }>();
  if (
    !Array.isArray(tally.persons) ||
    !sameList(
      tally.persons.map((p) => p?.person),
      personIds,
    )
  ) {
    r.fail('tally_matches_ballots', 'tally.persons does not list the manifest persons in order');
  } else {
    tally.persons.forEach((tp, k) => {
      const alpha = elemFromHex(tp.alpha);
      const beta = elemFromHex(tp.beta);
      if (!alpha || !beta) return r.fail('tally_matches_ballots', `${tp.person}: invalid encoding`);
      tallyElems.set(tp.person, { alpha, beta, counted: tp.counted });
      if (tp.counted !== counted.get(tp.person)) {
        r.fail(
          'tally_matches_ballots',
          `${tp.person}: counted ${tp.counted}, ballots give ${counted.get(tp.person)}`,
        );
      }
      const s = report.sums[k]!;
      if (s.alpha !== tp.alpha || s.beta !== tp.beta) {
        r.fail(
          'tally_matches_ballots',
          `${tp.person}: encrypted total is not the sum of accepted ballots`,
        );
      }
    });
    r.note(
      'tally_matches_ballots',
      `${personIds.length} encrypted totals = sums of accepted ballots`,
    );
  }

  // partial_decryptions_valid (spec §9)
  const pdBodies = byType('partial_decryption') as PartialDecryptionBody[];
  const D = new Map<number, Map<string, Point>>();
  if (tallyElems.size !== personIds.length) {
    r.skip(['partial_decryptions_valid', 'result_matches_decryption'], 'tally unreadable');
    return r.list();
  }
  const seen = new Set<number>();
  for (const pd of pdBodies) {
    const j = pd.trustee;
    if (!isInt(j) || !X.has(j) || seen.has(j)) {
      r.fail(
        'partial_decryptions_valid',
        `partial decryption by unknown or repeated trustee ${String(j)}`,
      );
      continue;
    }
    seen.add(j);
    if (
      !Array.isArray(pd.partials) ||
      !sameList(
        pd.partials.map((p) => p?.person),
        personIds,
      )
    ) {
      r.fail(
        'partial_decryptions_valid',
        `trustee ${j}: partials do not list the persons in order`,
      );
      continue;
    }
    const batch = new BatchVerifier(random);
    const mine = new Map<string, Point>();
    for (const p of pd.partials) {
      const Dp = addPartialDecryption(
        batch,
        F,
        j,
        p.person,
        X.get(j)!,
        tallyElems.get(p.person)!.alpha,
        p,
      );
      if (Dp) mine.set(p.person, Dp);
    }
    if (!batch.valid())
      r.fail('partial_decryptions_valid', `trustee ${j}: a decryption proof is invalid`);
    else D.set(j, mine);
  }
  if (D.size < t)
    r.fail('partial_decryptions_valid', `${D.size} valid partial decryptions, threshold ${t}`);
  r.note('partial_decryptions_valid', `${D.size} trustees decrypted with valid proofs`);

  // result_matches_decryption (spec §9, §10.2)
  const result = events[events.length - 1]!.body as ResultBody;
  const S = result.trustees;
  if (!Array.isArray(S) || S.length !== t || new Set(S).size !== t || !S.every((j) => D.has(j))) {
    r.fail(
      'result_matches_decryption',
      `result.trustees must be ${t} distinct trustees with valid partials`,
    );
  } else if (
    !Array.isArray(result.persons) ||
    !sameList(
      result.persons.map((p) => p?.person),
      personIds,
    )
  ) {
    r.fail(
      'result_matches_decryption',
      'result.persons does not list the manifest persons in order',
    );
  } else {
    for (const pr of result.persons) {
      const te = tallyElems.get(pr.person)!;
      const M = combinePartials(
        te.beta.point,
        new Map(S.map((j) => [j, D.get(j)!.get(pr.person)!])),
      );
      const counts = isInt(pr.sum) ? countsFromSum(BigInt(pr.sum), base, te.counted) : undefined;
      if (!counts || !mulPublic(G, BigInt(pr.sum)).equals(M)) {
        r.fail(
          'result_matches_decryption',
          `${pr.person}: sum ${String(pr.sum)} is not the decrypted total`,
        );
      } else if (
        pr.counted !== te.counted ||
        pr.high !== counts.high ||
        pr.confidence !== counts.confidence ||
        pr.low !== counts.low ||
        pr.invalid !== counts.invalid
      ) {
        r.fail('result_matches_decryption', `${pr.person}: counts do not match the decrypted sum`);
      }
    }
    r.note(
      'result_matches_decryption',
      `${personIds.length} persons decrypted by trustees ${S.join(', ')}`,
    );
  }
  return r.list();
}

/**
 * voided_credentials_unused (spec §7.6): every voided credential is listed and voided once, and no
 * cast ballot, before or after the void, carries one, so no voter counts twice. An audited ballot
 * never counts: a voter may check the booth and then choose paper.
 */
function checkVoided(
  r: Report,
  voids: readonly CredentialsVoidedBody[],
  listed: ReadonlyMap<string, string>,
  ballots: readonly Ballot[],
): void {
  const voided = new Set<string>();
  for (const v of voids) {
    if (!Array.isArray(v.credentials) || v.credentials.length === 0) {
      r.fail('voided_credentials_unused', 'credentials_voided lists no credentials');
      continue;
    }
    for (const c of v.credentials) {
      if (!isStr(c) || !listed.has(c))
        r.fail('voided_credentials_unused', `voided ${String(c)} is not a listed credential`);
      else if (voided.has(c)) r.fail('voided_credentials_unused', `${c} is voided twice`);
      else voided.add(c);
    }
  }
  const cast = ballots
    .map((b, i) => (isObj(b) && voided.has(b.credential) ? i : -1))
    .filter((i) => i >= 0);
  if (cast.length)
    r.fail('voided_credentials_unused', `ballot ${few(cast)} carries a voided credential`);
  r.note('voided_credentials_unused', `${voided.size} credentials voided, none on a ballot`);
}

/** A reason the manifest is unusable, or undefined (spec §11.2, §7.1). */
function checkManifest(m: Manifest): string | undefined {
  if (!isStr(m.electionId) || !isStr(m.title)) return 'electionId and title must be strings';
  if (
    !Array.isArray(m.persons) ||
    !m.persons.every((p) => isObj(p) && isStr(p.id) && isStr(p.name))
  ) {
    return 'persons must be [{ id, name }]';
  }
  const ids = new Set(m.persons.map((p) => p.id));
  if (ids.size !== m.persons.length) return 'person ids are not unique';
  if (!Array.isArray(m.styles) || m.styles.length === 0) return 'styles must be a non-empty list';
  const styleIds = new Set<string>();
  for (const s of m.styles) {
    if (!isObj(s) || !isStr(s.id) || !Array.isArray(s.persons) || s.persons.length === 0)
      return 'bad style';
    if (styleIds.has(s.id)) return `style ${s.id} repeated`;
    styleIds.add(s.id);
    if (!s.persons.every((p) => ids.has(p)) || new Set(s.persons).size !== s.persons.length) {
      return `style ${s.id} lists unknown or repeated persons`;
    }
  }
  if (!isInt(m.trustees) || !isInt(m.threshold) || m.threshold < 1 || m.threshold > m.trustees) {
    return 'expected 1 ≤ threshold ≤ trustees';
  }
  if (!isInt(m.maxVoters) || m.maxVoters < 1 || m.maxVoters >= 2 ** 17) {
    return 'expected 1 ≤ maxVoters < 2^17 (spec §7.1)';
  }
  return undefined;
}
