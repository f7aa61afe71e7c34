// A complete simulated election, from setup to result, as a public record (spec §11); deterministic
// for a given randomness source, for tests, benchmarks and demonstrations.
import {
  bytesToHex,
  hexToBytes,
  scalarFromHex,
  scalarToHex,
  seededRandom,
  type LineOpening,
  TAGS,
  credentialFromSecret,
  signDigest,
  type Ballot,
  type BallotStyle,
  type DkgComplaint,
  type ElectionContext,
  type LineChoice,
  type Point,
  type RandomSource,
  G,
  LINE_CHOICES,
  combinePublicKey,
  combineShares,
  deal,
  discreteLog,
  elem,
  elemFromHex,
  encryptBallot,
  encryptShare,
  evalPolynomial,
  combinePartials,
  generateCredential,
  generateTrusteeKey,
  makeComplaint,
  mulSecret,
  partialDecrypt,
  receiveShare,
  signBallot,
  verificationKey,
} from '../../crypto/index.js';
import { ballotDigestHex } from './ballot-digest.js';
import { appendEvent } from './event-chain.js';
import { keyCeremonyDigest } from './key-ceremony.js';
import { ballotBase, electionFingerprint } from './fingerprint.js';
import type {
  ElectionRecord,
  Manifest,
  PartialDecryptionBody,
  PersonResult,
  RecordEvent,
  TallyPerson,
} from './record-types.js';
import { countsFromSum, lastBallotPerCredential } from './tally.js';

/** Parameters of a simulated election. */
export interface SimulationOptions {
  voters: number;
  persons: number;
  trustees: number;
  threshold: number;
  random: RandomSource;
  /** Voters who cast a second ballot that replaces the first (spec §7.4); default ⌊voters/20⌋. */
  revotes?: number;
  /** Ballots opened for a Benaloh audit (spec §7.5); default 1. */
  audits?: number;
  /** The last voters, who hand in their slips for paper: voided (spec §7.6), they cast nothing; default 0. */
  paperVoters?: number;
  /** A trustee who deals one bad share, draws a complaint and is disqualified (spec §8.3). */
  badDealer?: number;
  /** Observes progress: (phase, done, total). */
  onProgress?: (phase: string, done: number, total: number) => void;
  /** Produces the ballots elsewhere (worker threads); by default runBallotJob in this thread, in order. */
  runJobs?: (
    context: BallotJobContext,
    jobs: BallotJob[],
    onProgress: (done: number) => void,
  ) => Promise<BallotJobResult[]>;
}

/** The election as a ballot job needs it, in a form that crosses a worker boundary. */
export interface BallotJobContext {
  fingerprint: string;
  publicKey: string;
  base: string;
}

/** One ballot to produce: a cast ballot (random lines, signed) or an audited one (opened, unsigned). */
export interface BallotJob {
  kind: 'cast' | 'audit';
  credentialSecret: string;
  style: BallotStyle;
  /** 32 bytes (hex) seeding this ballot's own DRBG. */
  seed: string;
}

/** A produced ballot, with its openings when audited. */
export interface BallotJobResult {
  ballot: Ballot;
  openings?: LineOpening[];
}

/** Produces one ballot from its job alone: deterministic, so any thread gives the same bytes. */
export function runBallotJob(context: BallotJobContext, job: BallotJob): BallotJobResult {
  const Y = elemFromHex(context.publicKey);
  const secret = scalarFromHex(job.credentialSecret);
  if (!Y || secret === undefined)
    throw new Error('runBallotJob: invalid public key or credential secret');
  const ctx: ElectionContext = {
    F: hexToBytes(context.fingerprint),
    Y,
    base: BigInt(context.base),
  };
  const cred = credentialFromSecret(secret);
  const random = seededRandom(hexToBytes(job.seed));
  if (job.kind === 'audit') {
    // an audit opens a ballot with every level, so the opened record shows each encoding (spec §7.5)
    const choices = job.style.persons.map((_, k) => LINE_CHOICES[k % 4]!);
    return encryptBallot(ctx, cred.public, job.style, choices, random);
  }
  const choices = job.style.persons.map(() => randomChoice(random));
  const { ballot } = encryptBallot(ctx, cred.public, job.style, choices, random);
  return { ballot: signBallot(ctx, ballot, cred, random) };
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const GIVEN = [
  'Văn An',
  'Thị Bình',
  'Minh Châu',
  'Quốc Dũng',
  'Thu Hà',
  'Hữu Khang',
  'Ngọc Lan',
  'Đức Long',
];

/** Picks an integer in [0, n) from the randomness source (rejection sampling, no floats). */
function pick(random: RandomSource, n: number): number {
  const limit = Math.floor(0x100000000 / n) * n;
  for (;;) {
    const b = random(4);
    const x = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
    if (x < limit) return x % n;
  }
}

/** A random line: blank 1 in 20, then high / confidence / low with weights 9 / 7 / 3. */
function randomChoice(random: RandomSource): LineChoice {
  const x = pick(random, 20);
  if (x === 0) return 'blank';
  if (x <= 9) return 'high';
  if (x <= 16) return 'confidence';
  return 'low';
}

/** Runs a whole election in memory and returns its record. */
export async function simulateElection(opts: SimulationOptions): Promise<ElectionRecord> {
  const { voters, trustees: n, threshold: t, random } = opts;
  if (!(Number.isInteger(n) && Number.isInteger(t) && t >= 1 && t <= n)) {
    throw new Error(`simulateElection: expected 1 ≤ threshold ≤ trustees, got ${t} of ${n}`);
  }
  const progress = opts.onProgress ?? (() => {});
  const events: RecordEvent[] = [];
  const personIds = Array.from(
    { length: opts.persons },
    (_, i) => `p${String(i + 1).padStart(2, '0')}`,
  );
  const styles: BallotStyle[] = [{ id: 'all', persons: personIds }];
  if (opts.persons >= 2)
    styles.push({ id: 'part', persons: personIds.slice(0, Math.ceil(opts.persons / 2)) });
  const manifest: Manifest = {
    electionId: `sim-${bytesToHex(random(8))}`,
    title: `Lấy phiếu tín nhiệm mô phỏng (${voters} × ${opts.persons})`,
    persons: personIds.map((id, i) => ({
      id,
      name: `${FAMILY[i % FAMILY.length]} ${GIVEN[Math.floor(i / FAMILY.length) % GIVEN.length]} ${i + 1}`,
    })),
    styles: styles.map((s) => ({ id: s.id, persons: [...s.persons] })),
    trustees: n,
    threshold: t,
    maxVoters: voters,
  };
  appendEvent(events, 'manifest', manifest);
  const F = electionFingerprint(manifest);

  // spec §8.1 trustee keys
  const trusteeIds = Array.from({ length: n }, (_, i) => i + 1);
  const tkeys = trusteeIds.map((i) => generateTrusteeKey(F, i, random));
  for (const k of tkeys) appendEvent(events, 'trustee_key', k.published);
  const keyMap = new Map<number, Point>(
    tkeys.map((k) => [k.published.trustee, elemFromHex(k.published.key)!.point]),
  );

  // spec §8.2 dealing; a bad dealer corrupts its share for the next trustee.
  const deals = trusteeIds.map((i) => deal(F, i, t, keyMap, random));
  if (opts.badDealer !== undefined) {
    const i = opts.badDealer;
    const j = (i % n) + 1;
    const d = deals[i - 1]!;
    const idx = d.published.shares.findIndex((s) => s.to === j);
    d.published.shares[idx] = encryptShare(
      F,
      i,
      j,
      keyMap.get(j)!,
      evalPolynomial(d.coefficients, j) + 1n,
      random,
    );
  }
  for (const d of deals) appendEvent(events, 'dkg_commitment', d.published);
  progress('dkg', 1, 2);

  // spec §8.2–§8.3: every trustee opens its shares and complains about bad ones.
  const commitments = deals.map((d) => d.published.commitments.map((h) => elemFromHex(h)!.point));
  const received = new Map<number, Map<number, bigint>>();
  const disqualified = new Set<number>();
  const complaints: DkgComplaint[] = [];
  for (const j of trusteeIds) {
    const mine = new Map<number, bigint>([[j, evalPolynomial(deals[j - 1]!.coefficients, j)]]);
    for (const d of deals) {
      const i = d.published.trustee;
      if (i === j) continue;
      const enc = d.published.shares.find((s) => s.to === j)!;
      const r = receiveShare(F, i, enc, tkeys[j - 1]!.secret, commitments[i - 1]!);
      if (r.ok) mine.set(i, r.value);
      else {
        complaints.push(
          makeComplaint(F, i, enc, tkeys[j - 1]!.secret, elem(keyMap.get(j)!), random),
        );
        disqualified.add(i);
      }
    }
    received.set(j, mine);
  }
  for (const c of complaints) appendEvent(events, 'dkg_complaint', c);
  const qualified = trusteeIds.filter((i) => !disqualified.has(i));
  if (qualified.length < t)
    throw new Error('simulateElection: fewer qualified trustees than the threshold');
  const qualCommitments = qualified.map((i) => commitments[i - 1]!);
  const Y = elem(combinePublicKey(qualCommitments));
  const X = trusteeIds.map((j) => elem(verificationKey(qualCommitments, j)));
  const x = trusteeIds.map((j) => combineShares(qualified.map((i) => received.get(j)!.get(i)!)));
  for (const j of trusteeIds) {
    if (!mulSecret(G, x[j - 1]!).equals(X[j - 1]!.point))
      throw new Error(`simulateElection: share of ${j} inconsistent`);
  }
  const statement = {
    publicKey: Y.hex,
    qualified,
    verificationKeys: trusteeIds.map((j) => ({ trustee: j, key: X[j - 1]!.hex })),
  };
  const ceremony = keyCeremonyDigest(events, statement);
  appendEvent(events, 'election_key', {
    ...statement,
    acknowledgements: trusteeIds.map((j) => ({
      trustee: j,
      signature: signDigest(
        F,
        credentialFromSecret(tkeys[j - 1]!.secret),
        ceremony,
        random,
        TAGS.acknowledgement,
      ),
    })),
  });
  progress('dkg', 2, 2);

  // spec §6 credentials: every fifth voter has the partial style.
  const base = ballotBase(manifest);
  const creds = Array.from({ length: voters }, (_, v) => ({
    cred: generateCredential(random),
    style: styles[v % 5 === 4 && styles.length > 1 ? 1 : 0]!,
  }));
  appendEvent(events, 'credentials', {
    credentials: creds.map((c) => ({ credential: c.cred.public.hex, style: c.style.id })),
  });
  appendEvent(events, 'voting_opened', {});

  // spec §7: ballots, audits, revotes.
  const audits = Math.min(opts.audits ?? 1, voters);
  const revotes = Math.min(opts.revotes ?? Math.floor(voters / 20), voters);
  // Every ballot gets its own seed, drawn here in a fixed order, so that ballots can be produced in
  // any order or on other threads and the record stays the same for a given randomness source.
  const jobs: BallotJob[] = [];
  const job = (kind: BallotJob['kind'], v: number): BallotJob => ({
    kind,
    credentialSecret: scalarToHex(creds[v]!.cred.secret),
    style: creds[v]!.style,
    seed: bytesToHex(random(32)),
  });
  const electronic = voters - Math.min(opts.paperVoters ?? 0, voters - 1);
  for (let a = 0; a < audits; a++) jobs.push(job('audit', a));
  for (let v = 0; v < electronic; v++) jobs.push(job('cast', v));
  for (let k = 0; k < revotes; k++) jobs.push(job('cast', pick(random, electronic)));
  const jobContext: BallotJobContext = {
    fingerprint: bytesToHex(F),
    publicKey: Y.hex,
    base: base.toString(),
  };
  const produced = opts.runJobs
    ? await opts.runJobs(jobContext, jobs, (d) => progress('ballots', d, jobs.length))
    : jobs.map((j, i) => {
        const r = runBallotJob(jobContext, j);
        progress('ballots', i + 1, jobs.length);
        return r;
      });
  const cast: Ballot[] = [];
  const voidAt = Math.floor(produced.length / 2);
  produced.forEach((r, i) => {
    if (i === voidAt && electronic < voters)
      appendEvent(events, 'credentials_voided', {
        credentials: creds.slice(electronic).map((c) => c.cred.public.hex),
      });
    if (jobs[i]!.kind === 'audit')
      appendEvent(events, 'audited_ballot', { ballot: r.ballot, openings: r.openings });
    else {
      cast.push(r.ballot);
      appendEvent(events, 'ballot', { ballot: r.ballot });
    }
  });
  appendEvent(events, 'voting_closed', {});

  // spec §10.1 tally
  const accepted = lastBallotPerCredential(cast);
  const persons: TallyPerson[] = [];
  const sums = new Map(
    personIds.map((p) => [p, { alpha: G.subtract(G), beta: G.subtract(G), counted: 0 }]),
  );
  cast.forEach((b, i) => {
    if (!accepted[i]) return;
    for (const line of b.lines) {
      const s = sums.get(line.person)!;
      s.alpha = s.alpha.add(elemFromHex(line.alpha)!.point);
      s.beta = s.beta.add(elemFromHex(line.beta)!.point);
      s.counted++;
    }
  });
  const tallyElems = personIds.map((p) => {
    const s = sums.get(p)!;
    const alpha = elem(s.alpha);
    const beta = elem(s.beta);
    persons.push({ person: p, counted: s.counted, alpha: alpha.hex, beta: beta.hex });
    return { alpha, beta, counted: s.counted };
  });
  appendEvent(events, 'tally', {
    accepted: cast.filter((_, i) => accepted[i]).map(ballotDigestHex),
    persons,
  });

  // spec §9 partial decryptions by t + 1 trustees when available (any t suffice).
  const deciders = trusteeIds.slice(0, Math.min(n, t + 1));
  const D = new Map<number, Point[]>();
  for (const j of deciders) {
    const partials = personIds.map((p, k) =>
      partialDecrypt(F, j, p, x[j - 1]!, X[j - 1]!, tallyElems[k]!.alpha, random),
    );
    D.set(
      j,
      partials.map((pd) => elemFromHex(pd.D)!.point),
    );
    const body: PartialDecryptionBody = {
      trustee: j,
      partials: partials.map((pd, k) => ({ person: personIds[k]!, ...pd })),
    };
    appendEvent(events, 'partial_decryption', body);
  }
  progress('decryption', 1, 1);

  // spec §9–§10.2 result with the first t deciders.
  const S = deciders.slice(0, t);
  const results: PersonResult[] = personIds.map((p, k) => {
    const M = combinePartials(tallyElems[k]!.beta.point, new Map(S.map((j) => [j, D.get(j)![k]!])));
    const sum = discreteLog(M, base * base * base);
    const counts = sum === undefined ? undefined : countsFromSum(sum, base, tallyElems[k]!.counted);
    if (sum === undefined || !counts) throw new Error(`simulateElection: no count for ${p}`);
    return { person: p, counted: tallyElems[k]!.counted, sum: Number(sum), ...counts };
  });
  appendEvent(events, 'result', { trustees: S, persons: results });
  return { format: 'tinnhiem-record/1', events };
}
