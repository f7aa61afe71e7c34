// The server's gate for one incoming ballot: credential, style, encodings, signature and proofs (spec §6,
// §7), before the ballot is appended to the record. The verifier re-checks all of it later (spec §12).
import {
  type Ballot,
  type ElectionContext,
  type RandomSource,
  type Result,
  elemFromHex,
} from '../../crypto/index.js';
import { checkBallots } from './check-ballots.js';
import { ballotBase, electionFingerprint } from './fingerprint.js';
import type { CredentialsBody, ElectionKeyBody, Manifest, RecordEvent } from './record-types.js';

/** What the gate knows of the election: its context and, per public credential, the style's persons. */
export interface BallotGate {
  ctx: ElectionContext;
  /** Public credential (hex) → ballot style id. */
  credentialStyle: ReadonlyMap<string, string>;
  /** Ballot style id → persons in ballot order. */
  styles: ReadonlyMap<string, readonly string[]>;
}

/** Why a ballot is refused, with stable codes (spec §7). */
export type BallotRefusal = {
  code:
    | 'ballot_malformed'
    | 'credential_unknown'
    | 'style_mismatch'
    | 'lines_mismatch'
    | 'encoding_invalid'
    | 'signature_missing'
    | 'signature_invalid'
    | 'proof_invalid';
  detail?: string;
};

/**
 * Checks one ballot for casting (signed) or for an audit (`audit: true`, signature optional). Returns its
 * digest (spec §7.3, listed in the tally when accepted) and the tracker shown to the voter.
 */
export function checkBallot(
  gate: BallotGate,
  ballot: Ballot,
  random: RandomSource,
  options: { audit?: boolean } = {},
): Result<{ digest: string; tracker: string }, BallotRefusal> {
  return checkBallots(gate, [ballot], random, options)[0]!;
}

/**
 * The gate of an election from its record so far (manifest, election_key and credentials events), or
 * undefined while one of them is missing or the key does not decode.
 */
export function gateFromEvents(
  events: readonly Pick<RecordEvent, 'type' | 'body'>[],
): BallotGate | undefined {
  const body = (type: string) => events.find((e) => e.type === type)?.body;
  const manifest = body('manifest') as Manifest | undefined;
  const key = body('election_key') as ElectionKeyBody | undefined;
  const creds = body('credentials') as CredentialsBody | undefined;
  const Y = elemFromHex(key?.publicKey);
  if (!manifest || !creds || !Y) return undefined;
  return {
    ctx: { F: electionFingerprint(manifest), Y, base: ballotBase(manifest) },
    credentialStyle: new Map(creds.credentials.map((c) => [c.credential, c.style])),
    styles: new Map(manifest.styles.map((st) => [st.id, st.persons])),
  };
}
