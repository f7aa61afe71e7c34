// The public record of an election (spec §11): events, their bodies, and the named checks (spec §12).
import type {
  Ballot,
  DkgCommitment,
  DkgComplaint,
  LineOpening,
  PartialDecryption,
  SchnorrProof,
  Signature,
} from '../../crypto/index.js';

/** The record file: { format, events } (spec §11.1). */
export interface ElectionRecord {
  format: 'tinnhiem-record/1';
  events: RecordEvent[];
}

/** One hash-chained event (spec §11.1). */
export interface RecordEvent {
  seq: number;
  type: EventType;
  prev: string;
  body: unknown;
  hash: string;
}

/** Event types in their order (spec §11.2). */
export type EventType =
  | 'manifest'
  | 'trustee_key'
  | 'dkg_commitment'
  | 'dkg_complaint'
  | 'election_key'
  | 'credentials'
  | 'credentials_voided'
  | 'voting_opened'
  | 'ballot'
  | 'audited_ballot'
  | 'voting_closed'
  | 'tally'
  | 'partial_decryption'
  | 'result';

/** A person voted on (người được lấy phiếu tín nhiệm). */
export interface ManifestPerson {
  id: string;
  name: string;
}

/** Body of `manifest` (spec §11.2). */
export interface Manifest {
  electionId: string;
  title: string;
  persons: ManifestPerson[];
  styles: { id: string; persons: string[] }[];
  trustees: number;
  threshold: number;
  maxVoters: number;
}

/** Body of `trustee_key`. */
export interface TrusteeKeyBody {
  trustee: number;
  key: string;
  proof: SchnorrProof;
}

/** Body of `election_key`. */
export interface ElectionKeyBody {
  publicKey: string;
  qualified: number[];
  verificationKeys: { trustee: number; key: string }[];
  /** Every trustee's signature with its key E_j over the key ceremony digest (spec §8.5). */
  acknowledgements: { trustee: number; signature: Signature }[];
}

/** Body of `credentials`. */
export interface CredentialsBody {
  credentials: { credential: string; style: string }[];
}

/** Body of `credentials_voided`: slips handed in for a paper ballot (spec §7.6). */
export interface CredentialsVoidedBody {
  credentials: string[];
}

/** Body of `ballot`. */
export interface BallotBody {
  ballot: Ballot;
}

/** Body of `audited_ballot` (spec §7.5). */
export interface AuditedBallotBody {
  ballot: Ballot;
  openings: LineOpening[];
}

/** One person's encrypted total. */
export interface TallyPerson {
  person: string;
  counted: number;
  alpha: string;
  beta: string;
}

/** Body of `tally` (spec §10.1). */
export interface TallyBody {
  accepted: string[];
  persons: TallyPerson[];
}

/** Body of `partial_decryption` (spec §9). */
export interface PartialDecryptionBody {
  trustee: number;
  partials: ({ person: string } & PartialDecryption)[];
}

/** One person's counts, handed to the rules engine (spec §10.2). */
export interface PersonResult {
  person: string;
  counted: number;
  sum: number;
  high: number;
  confidence: number;
  low: number;
  invalid: number;
}

/** Body of `result`. */
export interface ResultBody {
  trustees: number[];
  persons: PersonResult[];
}

export type { DkgCommitment, DkgComplaint };

/** Names of the checks of spec §12, in report order. */
export const CHECK_NAMES = [
  'record_well_formed',
  'event_chain_valid',
  'manifest_valid',
  'trustee_keys_valid',
  'dkg_commitments_valid',
  'dkg_complaints_valid',
  'election_key_valid',
  'credentials_valid',
  'ballots_well_formed',
  'ballot_signatures_valid',
  'ballot_proofs_valid',
  'audited_ballots_valid',
  'replacement_policy_applied',
  'voided_credentials_unused',
  'tally_matches_ballots',
  'partial_decryptions_valid',
  'result_matches_decryption',
] as const;

/** A check name of spec §12. */
export type CheckName = (typeof CHECK_NAMES)[number];

/** One named check of the verification report. */
export interface Check {
  check: CheckName;
  ok: boolean;
  detail: string;
}
