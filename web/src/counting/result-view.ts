// How a conference result is shown: percentages written the reader's way, the bars of the chart, the summary line.

import type { ConferenceResult } from '../../../src/core/counting/conference-result.js';
import { countReaching } from '../../../src/core/counting/conference-result.js';
import { hundredthsToString, percentHundredths } from '../../../src/rules/index.js';

/** A language of the app. */
type Lang = 'vi' | 'en';

/** The API's percentage "81.88" as the reader writes it: "81,88%" (vi) or "81.88%" (en). */
export function percentText(percent: string, lang: Lang): string {
  return `${lang === 'vi' ? percent.replace('.', ',') : percent}%`;
}

/** A count's share of a base written the reader's way, rounded half-up from the exact fraction. */
export function shareText(count: number, base: number, lang: Lang): string {
  if (base <= 0) return '—';
  return `${hundredthsToString(percentHundredths(count, base), lang === 'vi' ? ',' : '.')}%`;
}

/** One segment of a person's bar: a level, where it starts and how wide it is, in hundredths of a percent. */
export interface BarSegment {
  readonly level: 'high' | 'confidence' | 'low' | 'invalid';
  readonly start: number;
  readonly width: number;
}

/** What a bar needs of a person's result (core PersonResult and the API's PersonResultDto both fit). */
export interface BarSource {
  readonly base: number;
  readonly high: { readonly count: number };
  readonly confidence: { readonly count: number };
  readonly low: { readonly count: number };
}

/**
 * The three levels (and the invalid lines) of one person side by side on a 0–10000 scale of the base.
 * Widths come from exact rounding and the last segment takes the remainder, so the bar is always whole.
 */
export function barSegments(person: BarSource): BarSegment[] {
  const base = person.base;
  const levels = ['high', 'confidence', 'low'] as const;
  const segments: BarSegment[] = [];
  let start = 0;
  for (const level of levels) {
    const width = base > 0 ? percentHundredths(person[level].count, base) : 0;
    segments.push({ level, start, width: Math.min(width, 10_000 - start) });
    start += segments.at(-1)!.width;
  }
  segments.push({ level: 'invalid', start, width: 10_000 - start });
  return segments;
}

/** The summary of a result, as the seed reports word it: reached / total at 90% of high + confidence. */
export function summaryFigures(
  result: ConferenceResult,
  percent = 90,
): { readonly reached: number; readonly total: number; readonly percent: number } {
  return { ...countReaching(result, percent), percent };
}

/** Progress of the count for the projector: ballots entered of collected, never partial results. */
export function progressShare(entered: number, collected: number): number {
  if (collected <= 0) return 0;
  return Math.min(10_000, percentHundredths(Math.min(entered, collected), collected));
}
