// Nhật ký thay đổi — the hash-chained audit log: who changed what, when, before and after.

import type { Id, IsoTimestamp } from './common.js';

/** One audit entry; `hash` = SHA-256(canonical JSON of the other fields, including `prevHash`). */
export interface AuditEntry {
  /** Position in the chain, from 1. */
  readonly seq: number;
  readonly id: Id;
  readonly at: IsoTimestamp;
  readonly actorId: Id | null;
  readonly actorLabel: string;
  /** What happened, e.g. "round.create", "subject.decide". */
  readonly action: string;
  readonly entityType: string;
  readonly entityId: Id;
  /** State before the change (JSON value); null for a creation. */
  readonly before: unknown;
  /** State after the change (JSON value); null for a deletion. */
  readonly after: unknown;
  /** Hash of the previous entry; 64 zeros for the first. */
  readonly prevHash: string;
  readonly hash: string;
}

/** The hash the first entry links to. */
export const GENESIS_HASH = '0'.repeat(64);

/** One named check of the chain that failed, at an entry. */
export interface ChainProblem {
  readonly seq: number;
  readonly check: 'entry_hash' | 'prev_link' | 'sequence';
  readonly detail: string;
}

/** The report of `verifyChain()`: named checks, not a boolean alone (architecture.md). */
export interface ChainVerification {
  readonly ok: boolean;
  readonly entries: number;
  readonly headHash: string;
  readonly problems: readonly ChainProblem[];
}
