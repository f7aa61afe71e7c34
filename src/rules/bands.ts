// Consequence bands: compared in integers on the rule's base, never on a rounded percentage.

import type { TwoThirdsComparator } from './rule-set.js';

/** Band of a person's result: none, more than 1/2 and less than 2/3 low, or 2/3 or more low. */
export type Outcome = 'none' | 'over-half-low' | 'two-thirds-low';

/** All outcomes, mildest first. */
export const OUTCOMES: readonly Outcome[] = ['none', 'over-half-low', 'two-thirds-low'];

/** What a band means under one rule set, Vietnamese first. */
export type BandMeanings = Readonly<Record<Outcome, { readonly vi: string; readonly en: string }>>;

/**
 * The band for `low` low-confidence ballots out of `base`.
 * NQ 96/2023 Điều 12 [verbatim]: "quá nửa đến dưới hai phần ba" → 2·low > N ∧ 3·low < 2·N;
 * "từ hai phần ba … trở lên" → 3·low ≥ 2·N. With the "trên 2/3" comparator (QĐ 41) the upper band
 * needs 3·low > 2·N, and exactly two thirds stays in the middle band.
 */
export function classifyOutcome(
  low: number,
  base: number,
  comparator: TwoThirdsComparator = 'atLeast',
): Outcome {
  if (!Number.isSafeInteger(low) || !Number.isSafeInteger(base) || low < 0 || base < 1) {
    throw new RangeError(
      `classifyOutcome: expected 0 ≤ low and 1 ≤ base, got low=${low} base=${base}`,
    );
  }
  const threeLow = 3 * low;
  const twoBase = 2 * base;
  const upper = comparator === 'atLeast' ? threeLow >= twoBase : threeLow > twoBase;
  if (upper) return 'two-thirds-low';
  if (2 * low > base) return 'over-half-low';
  return 'none';
}
