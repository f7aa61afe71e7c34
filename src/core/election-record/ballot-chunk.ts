// Verification of a run of cast ballots and the sum of the accepted ones: the unit of work that the
// Node verifier spreads over worker threads (spec §5.5, §7, §10.1).
import {
  type Ballot,
  BatchVerifier,
  type DecodedLine,
  type Elem,
  type ElectionContext,
  type Point,
  type RandomSource,
  ZERO,
  addBallotProofs,
  addBallotSignature,
  decodeBallot,
  elemFromHex,
  findInvalid,
  hexToBytes,
  pointToHex,
} from '../../crypto/index.js';
import { ballotDigestHex } from './ballot-digest.js';
import { eventHash } from './event-chain.js';
import type { BallotBody, RecordEvent } from './record-types.js';

/** Everything a chunk needs, in a form that crosses a worker boundary (strings and numbers only). */
export interface BallotChunkInput {
  fingerprint: string;
  publicKey: string;
  base: string;
  /** Persons in tally order. */
  persons: string[];
  /** `ballot` events, in record order; each body is { ballot }. */
  events: RecordEvent[];
  accepted: boolean[];
}

/** What a chunk reports: indices (within the chunk) of bad ballots, and sums per person (hex). */
export interface BallotChunkReport {
  malformed: number[];
  badSignatures: number[];
  badProofs: number[];
  sums: { alpha: string; beta: string }[];
  /** h_k of each event (spec §11.1), recomputed here to spread the hashing over the workers. */
  eventHashes: string[];
  /** Ballot digests d (spec §7.3), in hex. */
  digests: string[];
}

/** Verifies signatures and proofs of a run of ballots with two batches, and sums the accepted lines. */
export function verifyBallotChunk(
  input: BallotChunkInput,
  random: RandomSource,
  onProgress?: (done: number) => void,
): BallotChunkReport {
  const Y = elemFromHex(input.publicKey);
  if (!Y) throw new Error('verifyBallotChunk: the public key is not a valid point');
  const F = hexToBytes(input.fingerprint);
  const ctx: ElectionContext = { F, Y, base: BigInt(input.base) };
  const personIndex = new Map(input.persons.map((p, i) => [p, i]));
  const alphaSum: Point[] = input.persons.map(() => ZERO);
  const betaSum: Point[] = input.persons.map(() => ZERO);
  const decoded: ({ credential: Elem; lines: DecodedLine[] } | undefined)[] = [];
  const malformed: number[] = [];
  const signatures = new BatchVerifier(random);
  const proofs = new BatchVerifier(random);
  const ballots = input.events.map((e) => (e.body as BallotBody).ballot);
  const eventHashes = input.events.map(safeEventHash);
  const digests = ballots.map(safeDigest);
  ballots.forEach((ballot, i) => {
    // a ballot that canonical JSON refuses (no digest) cannot have been signed: malformed
    const d = digests[i] ? safeDecode(ballot, personIndex) : undefined;
    decoded.push(d);
    if (!d) {
      malformed.push(i);
      return;
    }
    addBallotSignature(signatures, ctx, ballot, d.credential);
    addBallotProofs(proofs, ctx, ballot, d);
    if (input.accepted[i]) {
      ballot.lines.forEach((line, k) => {
        const p = personIndex.get(line.person);
        if (p === undefined) return;
        alphaSum[p] = alphaSum[p]!.add(d.lines[k]!.alpha.point);
        betaSum[p] = betaSum[p]!.add(d.lines[k]!.beta.point);
      });
    }
    if (onProgress && (i + 1) % 16 === 0) onProgress(i + 1);
  });
  onProgress?.(ballots.length);
  const valid = (i: number) => decoded[i] !== undefined;
  const badSignatures = signatures.valid()
    ? []
    : findInvalid(
        ballots.length,
        (b, i) => {
          if (valid(i)) addBallotSignature(b, ctx, ballots[i]!, decoded[i]!.credential);
        },
        random,
      );
  const badProofs = proofs.valid()
    ? []
    : findInvalid(
        ballots.length,
        (b, i) => {
          if (valid(i)) addBallotProofs(b, ctx, ballots[i]!, decoded[i]!);
        },
        random,
      );
  return {
    malformed,
    badSignatures,
    badProofs,
    eventHashes,
    digests,
    sums: input.persons.map((_, p) => ({
      alpha: pointToHex(alphaSum[p]!),
      beta: pointToHex(betaSum[p]!),
    })),
  };
}

function safeEventHash(e: RecordEvent): string {
  try {
    return eventHash(e);
  } catch {
    return '';
  }
}

function safeDigest(b: Ballot): string {
  try {
    return ballotDigestHex(b);
  } catch {
    return '';
  }
}

/** Decodes a ballot whose lines name known persons; undefined for anything malformed. */
function safeDecode(ballot: Ballot, persons: ReadonlyMap<string, number>) {
  try {
    if (typeof ballot?.style !== 'string' || !Array.isArray(ballot.lines)) return undefined;
    if (!ballot.lines.every((l) => typeof l?.person === 'string' && persons.has(l.person)))
      return undefined;
    return decodeBallot(ballot);
  } catch {
    return undefined;
  }
}
