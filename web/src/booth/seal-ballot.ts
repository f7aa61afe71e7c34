// The booth's crypto (issue 7 §3, spec §6.1, §7): from the slip and the choices to a signed ballot, its
// tracker, and the openings kept for an audit. Line by line, so a slow phone can show progress. Runs in
// the Web Worker (booth-worker.ts); pure, so Node tests run the same code.

import {
  type Ballot,
  type BallotLine,
  type BallotStyle,
  type ElectionContext,
  type LineChoice,
  type LineOpening,
  type RandomSource,
  LINE_CHOICES,
  ballotTracker,
  credentialFromSlip,
  elem,
  elemFromHex,
  encrypt,
  hexToBytes,
  lineContext,
  lineMessages,
  parseSlip,
  prepareElectionKey,
  proveOneOf,
  randomScalar,
  scalarToHex,
  signBallot,
} from '../../../src/crypto/index.js';

/** What the booth got from `GET …/election/booth` (strings only: it crosses the worker boundary). */
export interface BoothElection {
  readonly fingerprint: string;
  readonly publicKey: string;
  readonly base: string;
}

/** A sealed ballot: cast `signed`, or audit `unsigned` with `openings` (spec §7.5). */
export interface SealedBallot {
  readonly credential: string;
  readonly signed: Ballot;
  readonly tracker: string;
  readonly unsigned: Ballot;
  readonly openings: LineOpening[];
}

/** Why a slip cannot be used. */
export type SealError = 'slip_malformed' | 'slip_checksum' | 'election_key_missing';

/** The public credential of a slip (hex), to ask the server for its style; or the slip's error. */
export function slipCredential(
  election: Pick<BoothElection, 'fingerprint'>,
  slip: string,
): { ok: true; credential: string } | { ok: false; error: SealError } {
  const seed = parseSlip(slip);
  if (!seed.ok) return { ok: false, error: seed.error.code };
  return {
    ok: true,
    credential: credentialFromSlip(hexToBytes(election.fingerprint), seed.value).public.hex,
  };
}

/**
 * Encrypts and proves every line of the style, signs with the slip's credential (spec §7.2–§7.3);
 * the same encoding as encryptBallot, one line at a time, reporting (done, total) after each.
 */
export function sealBallot(
  election: BoothElection,
  slip: string,
  style: BallotStyle,
  choices: readonly LineChoice[],
  random: RandomSource,
  onProgress: (done: number, total: number) => void = () => {},
): { ok: true; value: SealedBallot } | { ok: false; error: SealError } {
  const Y = elemFromHex(election.publicKey);
  if (!Y) return { ok: false, error: 'election_key_missing' };
  const seed = parseSlip(slip);
  if (!seed.ok) return { ok: false, error: seed.error.code };
  if (choices.length !== style.persons.length)
    throw new Error(`sealBallot: ${style.persons.length} choices expected`);
  const ctx: ElectionContext = {
    F: hexToBytes(election.fingerprint),
    Y,
    base: BigInt(election.base),
  };
  const cred = credentialFromSlip(ctx.F, seed.value);
  prepareElectionKey(Y.point);
  const messages = lineMessages(ctx.base);
  const lines: BallotLine[] = [];
  const openings: LineOpening[] = [];
  style.persons.forEach((person, index) => {
    const k = LINE_CHOICES.indexOf(choices[index]!);
    if (k < 0) throw new Error(`sealBallot: unknown choice ${String(choices[index])}`);
    const r = randomScalar(random);
    const c = encrypt(Y.point, messages[k]!, r);
    const alpha = elem(c.alpha);
    const beta = elem(c.beta);
    const proof = proveOneOf(
      ctx.F,
      lineContext(cred.public.bytes, style.id, index, person),
      { Y, alpha, beta, messages },
      k,
      r,
      random,
    );
    lines.push({ person, alpha: alpha.hex, beta: beta.hex, proof });
    openings.push({ choice: choices[index]!, r: scalarToHex(r) });
    onProgress(index + 1, style.persons.length);
  });
  const unsigned: Ballot = { credential: cred.public.hex, style: style.id, lines };
  const signed = signBallot(ctx, unsigned, cred, random);
  return {
    ok: true,
    value: {
      credential: cred.public.hex,
      signed,
      tracker: ballotTracker(signed),
      unsigned,
      openings,
    },
  };
}
