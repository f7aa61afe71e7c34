// The reporting aggregate the press publishes: how many reached a share of "tín nhiệm cao và tín nhiệm".

import type { Tally } from './tally.js';

/**
 * How many persons have (high + confidence) ≥ `percent`% of the base, compared exactly:
 * (high + confidence) · 100 ≥ percent · base. "12/12 đồng chí đạt từ 90% trở lên tín nhiệm cao và
 * tín nhiệm" is a reporting figure with no legal consequence (rules.md §3.9) [inferred].
 */
export function countReachingShare(
  tally: Tally,
  percent: number,
): { reached: number; total: number } {
  const base = tally.base.value;
  const reached = tally.persons.filter(
    (p) => (p.high.count + p.confidence.count) * 100 >= percent * base,
  ).length;
  return { reached, total: tally.persons.length };
}

/** The largest whole percentage p such that every person has (high + confidence) ≥ p% of the base. */
export function lowestWholeShare(tally: Tally): number {
  const base = tally.base.value;
  return tally.persons.reduce((lowest, p) => {
    const scaled = (p.high.count + p.confidence.count) * 100;
    return Math.min(lowest, (scaled - (scaled % base)) / base);
  }, 100);
}
