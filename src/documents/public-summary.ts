// The short public text the press and unit portals publish, from the result, without per-person figures.

import { countReachingShare, type Tally } from '../rules/index.js';

/** The publishable summary in Vietnamese (first) and English. */
export interface PublicSummary {
  readonly vi: string;
  readonly en: string;
}

/** The share of "tín nhiệm cao" + "tín nhiệm" the press reports against (rules.md §3.9, §5). */
export const REPORTED_SHARE = 90;

/**
 * The largest whole p with high · 100 > p · base for every person: all have "tín nhiệm cao" above
 * p% ("đạt phiếu tín nhiệm cao trên 96%", Sở Xây dựng 2023). p < high·100/base ⇔
 * p ≤ ⌊(high · 100 − 1) / base⌋; integers only.
 */
export function highAboveWholeShare(tallies: readonly Tally[]): number {
  let lowest = 100;
  for (const tally of tallies) {
    const base = tally.base.value;
    for (const person of tally.persons) {
      const scaled = person.high.count * 100;
      const p = scaled === 0 ? -1 : Math.floor((scaled - 1) / base);
      lowest = Math.min(lowest, p);
    }
  }
  return lowest;
}

/**
 * The summary: how many persons, whether all reached 90% "tín nhiệm cao" and "tín nhiệm" together
 * (countReachingShare, exact), the whole percentage all exceed in "tín nhiệm cao" when that is at least
 * half, and how many fall in each consequence band. No name is paired with a figure.
 */
export function publicSummary(tallies: readonly Tally[]): PublicSummary {
  let reached = 0;
  let total = 0;
  let overHalf = 0;
  let twoThirds = 0;
  for (const tally of tallies) {
    const share = countReachingShare(tally, REPORTED_SHARE);
    reached += share.reached;
    total += share.total;
    for (const person of tally.persons) {
      if (person.outcome === 'over-half-low') overHalf += 1;
      if (person.outcome === 'two-thirds-low') twoThirds += 1;
    }
  }
  const vi: string[] = [];
  const en: string[] = [];
  vi.push(`Hội nghị đã tiến hành lấy phiếu tín nhiệm đối với ${total} đồng chí.`);
  en.push(
    `The conference took a confidence vote on ${total} ${total === 1 ? 'person' : 'persons'}.`,
  );
  if (total > 0 && reached === total) {
    vi.push(
      total === 1
        ? `Kết quả, chức danh được lấy phiếu tín nhiệm đạt tỷ lệ từ ${REPORTED_SHARE}% trở lên “tín nhiệm cao” và “tín nhiệm”.`
        : `Kết quả, các chức danh được lấy phiếu tín nhiệm đều đạt tỷ lệ từ ${REPORTED_SHARE}% trở lên “tín nhiệm cao” và “tín nhiệm”.`,
    );
    en.push(
      `Result: ${total === 1 ? 'the person' : 'every person'} received ${REPORTED_SHARE}% or more “high confidence” and “confidence” together.`,
    );
  } else {
    vi.push(
      `Kết quả, ${reached}/${total} chức danh được lấy phiếu tín nhiệm đạt tỷ lệ từ ${REPORTED_SHARE}% trở lên “tín nhiệm cao” và “tín nhiệm”.`,
    );
    en.push(
      `Result: ${reached} of ${total} received ${REPORTED_SHARE}% or more “high confidence” and “confidence” together.`,
    );
  }
  const highAbove = highAboveWholeShare(tallies);
  if (total > 0 && highAbove >= 50) {
    vi.push(
      `${total === 1 ? 'Đồng chí được lấy phiếu' : 'Các đồng chí được lấy phiếu'} đều đạt phiếu tín nhiệm cao trên ${highAbove}%.`,
    );
    en.push(`Everyone received more than ${highAbove}% “high confidence”.`);
  }
  if (overHalf + twoThirds === 0) {
    vi.push('Không có trường hợp nào có trên một nửa số phiếu “tín nhiệm thấp”.');
    en.push('No one received more than half “low confidence”.');
  } else {
    if (overHalf > 0) {
      vi.push(
        `Có ${overHalf} trường hợp có trên một nửa đến dưới hai phần ba số phiếu “tín nhiệm thấp”.`,
      );
      en.push(`${overHalf} received more than half and less than two thirds “low confidence”.`);
    }
    if (twoThirds > 0) {
      vi.push(`Có ${twoThirds} trường hợp có từ hai phần ba số phiếu “tín nhiệm thấp” trở lên.`);
      en.push(`${twoThirds} received two thirds or more “low confidence”.`);
    }
  }
  return { vi: vi.join(' '), en: en.join(' ') };
}
