// One member's entry of one paper ballot: its number in the pile, void or not, and one mark per line.

import type { BallotReading, LineMark } from '../../rules/index.js';

/**
 * A ballot as one counting-committee member entered it. `void` covers the whole-ballot cases of
 * QĐ 96 Điều 6 k3: not issued by the committee, or a printed name struck out.
 */
export interface BallotEntry {
  /** 1-based position of the ballot in the collected pile of its style. */
  readonly ballotNumber: number;
  readonly void: boolean;
  readonly marks: readonly LineMark[];
}

/** The reading the rules engine counts. */
export function toReading(entry: BallotEntry): BallotReading {
  return { issuedByCommittee: !entry.void, printedNameStruckOut: false, lines: entry.marks };
}

/** Whether two members read a ballot the same way (a void ballot's lines do not matter). */
export function sameReading(a: BallotEntry, b: BallotEntry): boolean {
  if (a.void || b.void) return a.void === b.void;
  return a.marks.length === b.marks.length && a.marks.every((mark, i) => mark === b.marks[i]);
}
