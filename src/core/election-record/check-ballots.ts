// The server's gate for ballots that arrive together: each one's credential, style and encodings, then
// every signature and proof of the well-formed ones in one random linear combination (spec §5.5, §7).
// A failing combination is split in halves until the bad ballots are named; the others pass.
import {
  type Ballot,
  BatchVerifier,
  type RandomSource,
  type Result,
  addBallotProofs,
  addSignature,
  ballotDigest,
  ballotTracker,
  bytesToHex,
  decodeBallot,
  err,
  ok,
} from '../../crypto/index.js';
import type { BallotGate, BallotRefusal } from './check-ballot.js';

/** What an accepted ballot gets: its digest (spec §7.3) and the tracker shown to the voter. */
export interface BallotAcceptance {
  digest: string;
  tracker: string;
}

/** A well-formed ballot waiting for the combined check, with its own two batches. */
interface Candidate {
  index: number;
  signature: BatchVerifier;
  proofs: BatchVerifier;
  accepted: BallotAcceptance;
}

/**
 * Checks ballots for casting (signed) or for an audit (`audit: true`, signature optional) and answers
 * in their order, with the refusal `checkBallot` gives for each one alone. The weights come from
 * `random` (the verifier's own), drawn after every ballot of the call is in hand.
 */
export function checkBallots(
  gate: BallotGate,
  ballots: readonly Ballot[],
  random: RandomSource,
  options: { audit?: boolean } = {},
): Result<BallotAcceptance, BallotRefusal>[] {
  const out: Result<BallotAcceptance, BallotRefusal>[] = [];
  const candidates: Candidate[] = [];
  ballots.forEach((ballot, index) => {
    const c = prepare(gate, ballot, index, random, options);
    if ('code' in c) out[index] = err(c);
    else candidates.push(c);
  });
  const settle = (group: readonly Candidate[]): void => {
    if (group.length === 0) return;
    if (group.length > 1) {
      const all = BatchVerifier.union(group.flatMap((c) => [c.signature, c.proofs]));
      if (all.valid()) {
        for (const c of group) out[c.index] = ok(c.accepted);
        return;
      }
      const mid = group.length >> 1;
      settle(group.slice(0, mid));
      settle(group.slice(mid));
      return;
    }
    const c = group[0]!;
    // checkBallot's order: the signature first, then the proofs
    if (!c.signature.valid()) out[c.index] = err({ code: 'signature_invalid' });
    else if (!c.proofs.valid()) out[c.index] = err({ code: 'proof_invalid' });
    else out[c.index] = ok(c.accepted);
  };
  settle(candidates);
  return out;
}

/** The checks of one ballot that need no multi-scalar multiplication, and its two batches. */
function prepare(
  gate: BallotGate,
  ballot: Ballot,
  index: number,
  weights: RandomSource,
  options: { audit?: boolean },
): Candidate | BallotRefusal {
  if (
    !ballot ||
    typeof ballot !== 'object' ||
    typeof ballot.credential !== 'string' ||
    !Array.isArray(ballot.lines)
  ) {
    return { code: 'ballot_malformed' };
  }
  const style = gate.credentialStyle.get(ballot.credential);
  if (style === undefined) return { code: 'credential_unknown' };
  if (ballot.style !== style) return { code: 'style_mismatch', detail: `expected style ${style}` };
  const persons = gate.styles.get(style) ?? [];
  const named = ballot.lines.map((l) => (l && typeof l === 'object' ? l.person : undefined));
  if (named.length !== persons.length || named.some((p, i) => p !== persons[i])) {
    return { code: 'lines_mismatch', detail: `expected lines for ${persons.join(', ')}` };
  }
  let d: Uint8Array;
  let tracker: string;
  try {
    d = ballotDigest(ballot);
    tracker = ballotTracker(ballot);
  } catch {
    return { code: 'ballot_malformed' };
  }
  const decoded = decodeBallot(ballot);
  if (!decoded) return { code: 'encoding_invalid' };
  const signature = new BatchVerifier(weights);
  if (!options.audit || ballot.signature !== undefined) {
    if (ballot.signature === undefined) return { code: 'signature_missing' };
    // addBallotSignature over the digest computed once above (spec §7.3)
    if (!addSignature(signature, gate.ctx.F, decoded.credential, d, ballot.signature))
      return { code: 'signature_invalid' };
  }
  const proofs = new BatchVerifier(weights);
  if (!addBallotProofs(proofs, gate.ctx, ballot, decoded)) {
    // a malformed proof; a signature that fails as well is named first, as checkBallot does
    return signature.valid() ? { code: 'proof_invalid' } : { code: 'signature_invalid' };
  }
  return { index, signature, proofs, accepted: { digest: bytesToHex(d), tracker } };
}
