// Validity of a ballot and of each person's line on it (QĐ 96 Điều 6 k3; rules.md §3.6).

import type { Level } from './levels.js';

/**
 * What the counting committee reads on one person's line: one level marked, no mark, or two or
 * three marks ("không đánh dấu vào ô nào hoặc đánh dấu vào hai hoặc ba ô").
 */
export type LineMark = Level | 'none' | 'several';

/** What the committee reads on the whole ballot, besides the lines. */
export interface BallotReading {
  /** Ballot issued by this counting committee ("phiếu không do ban kiểm phiếu phát ra" is invalid). */
  readonly issuedByCommittee: boolean;
  /** A printed name struck out ("phiếu gạch xoá họ tên người được in trên phiếu" is invalid). */
  readonly printedNameStruckOut: boolean;
  /** One mark per person on the ballot, in ballot order. */
  readonly lines: readonly LineMark[];
}

/** Whether the ballot as a whole is valid: issued by the committee and no printed name struck out. */
export function isBallotValid(ballot: BallotReading, invalidLineVoidsBallot = false): boolean {
  if (!ballot.issuedByCommittee || ballot.printedNameStruckOut) return false;
  return !invalidLineVoidsBallot || ballot.lines.every(isLineValid);
}

/** A line is valid when exactly one level is marked; otherwise it is invalid for that person only. */
export function isLineValid(mark: LineMark): mark is Level {
  return mark === 'high' || mark === 'confidence' || mark === 'low';
}

/**
 * The level that counts for each person on this ballot, or null where the line is invalid (no mark,
 * several marks, or the whole ballot invalid). The ballot still counts as collected.
 */
export function countedLevels(
  ballot: BallotReading,
  invalidLineVoidsBallot = false,
): (Level | null)[] {
  const valid = isBallotValid(ballot, invalidLineVoidsBallot);
  return ballot.lines.map((mark) => (valid && isLineValid(mark) ? mark : null));
}
