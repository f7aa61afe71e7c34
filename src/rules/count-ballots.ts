// Counts paper ballots line by line into each person's totals (QĐ 96 Điều 6 k3: "tổng hợp … đối với từng người").

import { isBallotValid, type BallotReading } from './validity.js';

/** One person's totals from the ballots of one style. */
export interface LineCounts {
  high: number;
  confidence: number;
  low: number;
  /** Blank or doubly marked lines, and lines of ballots void as a whole. */
  invalid: number;
}

/**
 * Adds up `ballots` for `personCount` persons (the ballot style's lines, in order). Every ballot
 * counts as collected: a void ballot adds an invalid line for every person (rules.md §3.6).
 */
export function countBallots(
  ballots: Iterable<BallotReading>,
  personCount: number,
  invalidLineVoidsBallot = false,
): LineCounts[] {
  const totals = Array.from({ length: personCount }, () => ({
    high: 0,
    confidence: 0,
    low: 0,
    invalid: 0,
  }));
  for (const ballot of ballots) {
    if (ballot.lines.length !== personCount) {
      throw new RangeError(
        `countBallots: expected ${personCount} lines per ballot, got ${ballot.lines.length}`,
      );
    }
    const valid = isBallotValid(ballot, invalidLineVoidsBallot);
    for (let i = 0; i < personCount; i++) {
      const total = totals[i] as LineCounts;
      const mark = ballot.lines[i];
      if (!valid) total.invalid++;
      else if (mark === 'high') total.high++;
      else if (mark === 'confidence') total.confidence++;
      else if (mark === 'low') total.low++;
      else total.invalid++;
    }
  }
  return totals;
}
