// Ballots: line encoding, encryption with proofs, digest, signature, tracker and Benaloh audit (spec §7).
import { bytesToHex } from '@noble/hashes/utils.js';
import type { BatchVerifier } from './batch-verifier.js';
import { canonicalJsonBytes } from './canonical-json.js';
import { type Credential, type Signature, addSignature, signDigest } from './credential.js';
import { type DisjunctiveProof, addOneOfProof, proveOneOf } from './disjunctive-proof.js';
import { encrypt } from './elgamal.js';
import {
  type Elem,
  G,
  elem,
  elemFromHex,
  encodeMessage,
  mulPublic,
  scalarFromHex,
  scalarToHex,
} from './group.js';
import { TAGS, digest, u32, utf8 } from './hash.js';
import { type RandomSource, randomScalar } from './random.js';

/** What a voter marks on one line: tín nhiệm cao / tín nhiệm / tín nhiệm thấp, or nothing (spec §7.1). */
export type LineChoice = 'blank' | 'high' | 'confidence' | 'low';

/** Choices in the order of their messages [0, 1, B, B²] (spec §7.1). */
export const LINE_CHOICES: readonly LineChoice[] = ['blank', 'high', 'confidence', 'low'];

/** The messages [0, 1, B, B²] of spec §7.1. */
export function lineMessages(base: bigint): bigint[] {
  return [0n, 1n, base, base * base];
}

/** What every ballot operation of one election needs: fingerprint F, key Y, base B. */
export interface ElectionContext {
  F: Uint8Array;
  Y: Elem;
  base: bigint;
}

/** One encrypted line (spec §7.2). */
export interface BallotLine {
  person: string;
  alpha: string;
  beta: string;
  proof: DisjunctiveProof;
}

/** A ballot in wire form (spec §7.2); `signature` is absent on an audited, unsigned ballot. */
export interface Ballot {
  credential: string;
  style: string;
  lines: BallotLine[];
  signature?: Signature;
}

/** The opening of one line for a Benaloh audit (spec §7.5). */
export interface LineOpening {
  choice: LineChoice;
  r: string;
}

/** A ballot style: the persons one voter votes on, in ballot order. */
export interface BallotStyle {
  id: string;
  persons: readonly string[];
}

/** ctx = "line" ‖ P ‖ utf8(style) ‖ u32(index) ‖ utf8(person) (spec §7.2). */
export function lineContext(
  credential: Uint8Array,
  style: string,
  index: number,
  person: string,
): Uint8Array {
  const parts = [utf8('line'), credential, utf8(style), u32(index), utf8(person)];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const prepared = new WeakSet<object>();

/** Precomputes a window table for Y (8-bit windows): halves the cost of the booth's rY and wY. */
export function prepareElectionKey(Y: Elem['point']): void {
  if (prepared.has(Y)) return;
  Y.precompute(8);
  prepared.add(Y);
}

/** Encrypts and proves every line; returns the unsigned ballot and the openings kept by the booth. */
export function encryptBallot(
  ctx: ElectionContext,
  credential: Elem,
  style: BallotStyle,
  choices: readonly LineChoice[],
  random: RandomSource,
): { ballot: Ballot; openings: LineOpening[] } {
  if (choices.length !== style.persons.length) {
    throw new Error(
      `encryptBallot: expected ${style.persons.length} choices for style ${style.id}, got ${choices.length}`,
    );
  }
  prepareElectionKey(ctx.Y.point);
  const messages = lineMessages(ctx.base);
  const lines: BallotLine[] = [];
  const openings: LineOpening[] = [];
  style.persons.forEach((person, index) => {
    const choice = choices[index]!;
    const k = LINE_CHOICES.indexOf(choice);
    if (k < 0) throw new Error(`encryptBallot: unknown choice ${String(choice)}`);
    const r = randomScalar(random);
    const c = encrypt(ctx.Y.point, messages[k]!, r);
    const alpha = elem(c.alpha);
    const beta = elem(c.beta);
    const proof = proveOneOf(
      ctx.F,
      lineContext(credential.bytes, style.id, index, person),
      { Y: ctx.Y, alpha, beta, messages },
      k,
      r,
      random,
    );
    lines.push({ person, alpha: alpha.hex, beta: beta.hex, proof });
    openings.push({ choice, r: scalarToHex(r) });
  });
  return { ballot: { credential: credential.hex, style: style.id, lines }, openings };
}

/** d = D(T_ballot; canonicalJSON(ballot without signature)) (spec §7.3). */
export function ballotDigest(ballot: Ballot): Uint8Array {
  const unsigned: Partial<Ballot> = { ...ballot };
  delete unsigned.signature;
  return digest(TAGS.ballot, [canonicalJsonBytes(unsigned)]);
}

/** Signs the ballot digest with the credential (spec §7.3). */
export function signBallot(
  ctx: ElectionContext,
  ballot: Ballot,
  cred: Credential,
  random: RandomSource,
): Ballot {
  if (cred.public.hex !== ballot.credential)
    throw new Error("signBallot: the credential is not the ballot's");
  return { ...ballot, signature: signDigest(ctx.F, cred, ballotDigest(ballot), random) };
}

/** The full tracker digest D(T_tracker; canonicalJSON(ballot)) in hex (spec §7.3). */
export function trackerDigest(ballot: Ballot): string {
  return bytesToHex(digest(TAGS.tracker, [canonicalJsonBytes(ballot)]));
}

/** The short tracker shown to the voter: 8 bytes hex in groups of 4 (spec §7.3). */
export function ballotTracker(ballot: Ballot): string {
  const h = trackerDigest(ballot).slice(0, 16);
  return `${h.slice(0, 4)}-${h.slice(4, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}`;
}

/** Decoded line ciphertexts of a ballot. */
export interface DecodedLine {
  alpha: Elem;
  beta: Elem;
}

/** Decodes the credential and every line's ciphertext; undefined if any encoding is invalid (spec §2.2). */
export function decodeBallot(
  ballot: Ballot,
): { credential: Elem; lines: DecodedLine[] } | undefined {
  const credential = elemFromHex(ballot?.credential);
  if (!credential || !Array.isArray(ballot.lines)) return undefined;
  const lines: DecodedLine[] = [];
  for (const line of ballot.lines) {
    const alpha = elemFromHex(line?.alpha);
    const beta = elemFromHex(line?.beta);
    if (!alpha || !beta) return undefined;
    lines.push({ alpha, beta });
  }
  return { credential, lines };
}

/** Adds every line proof of a ballot to a batch (spec §7.2); false if malformed. */
export function addBallotProofs(
  batch: BatchVerifier,
  ctx: ElectionContext,
  ballot: Ballot,
  decoded: { credential: Elem; lines: DecodedLine[] },
): boolean {
  const messages = lineMessages(ctx.base);
  let ok = true;
  ballot.lines.forEach((line, index) => {
    const d = decoded.lines[index]!;
    const lc = lineContext(decoded.credential.bytes, ballot.style, index, line.person);
    ok =
      addOneOfProof(
        batch,
        ctx.F,
        lc,
        { Y: ctx.Y, alpha: d.alpha, beta: d.beta, messages },
        line.proof,
      ) && ok;
  });
  return ok;
}

/** Adds the ballot signature to a batch (spec §7.3); false if absent or malformed. */
export function addBallotSignature(
  batch: BatchVerifier,
  ctx: ElectionContext,
  ballot: Ballot,
  credential: Elem,
): boolean {
  if (!ballot.signature) {
    batch.fail();
    return false;
  }
  return addSignature(batch, ctx.F, credential, ballotDigest(ballot), ballot.signature);
}

/** Checks a Benaloh opening: α = rG and β = mG + rY for every line (spec §7.5). */
export function checkOpenings(
  ctx: ElectionContext,
  lines: readonly DecodedLine[],
  openings: readonly LineOpening[],
): boolean {
  const received: unknown = openings;
  if (!Array.isArray(received) || openings.length !== lines.length) return false;
  const messages = lineMessages(ctx.base);
  return lines.every((line, i) => {
    const o = openings[i]!;
    const k = LINE_CHOICES.indexOf(o?.choice);
    const r = scalarFromHex(o?.r);
    if (k < 0 || r === undefined) return false;
    const rY = mulPublic(ctx.Y.point, r);
    return (
      mulPublic(G, r).equals(line.alpha.point) &&
      encodeMessage(messages[k]!).add(rY).equals(line.beta.point)
    );
  });
}
