// Showing a result: "81,88%", bars that add up to the base, the summary figures, and the folded search.

import { describe, expect, it } from 'vitest';
import { computeConferenceResult } from '../../../src/core/counting/conference-result.js';
import { QD96_2023 } from '../../../src/rules/index.js';
import { foldVi, matchesFolded } from './fold.js';
import {
  barSegments,
  percentText,
  progressShare,
  shareText,
  summaryFigures,
} from './result-view.js';

const result = (() => {
  const computed = computeConferenceResult(QD96_2023, [
    {
      issued: 481,
      collected: 480,
      persons: [
        {
          personId: 'a',
          name: 'Người A',
          position: 'Bí thư',
          counts: { high: 393, confidence: 70, low: 10, invalid: 7 },
        },
        {
          personId: 'b',
          name: 'Người B',
          position: 'Phó Bí thư',
          counts: { high: 100, confidence: 100, low: 280, invalid: 0 },
        },
      ],
    },
  ]);
  if (!computed.ok) throw new Error(computed.error.message);
  return computed.value;
})();

describe('result view', () => {
  it('writes 393/480 as 81,88% in Vietnamese and 81.88% in English', () => {
    const a = result.persons[0]!;
    expect(a.high.percent).toBe('81.88');
    expect(percentText(a.high.percent, 'vi')).toBe('81,88%');
    expect(percentText(a.high.percent, 'en')).toBe('81.88%');
    expect(shareText(393, 480, 'vi')).toBe('81,88%');
    expect(shareText(1, 0, 'vi')).toBe('—');
  });

  it('draws bars whose segments cover the whole base, invalid lines last', () => {
    for (const person of result.persons) {
      const segments = barSegments(person);
      expect(segments.map((s) => s.level)).toEqual(['high', 'confidence', 'low', 'invalid']);
      expect(segments.reduce((sum, s) => sum + s.width, 0)).toBe(10_000);
      for (const [i, s] of segments.entries()) {
        if (i > 0) expect(s.start).toBe(segments[i - 1]!.start + segments[i - 1]!.width);
      }
    }
    const [high] = barSegments(result.persons[0]!);
    expect(high!.width).toBe(8188);
  });

  it('counts who reached 90% of high + confidence on their own base', () => {
    expect(summaryFigures(result)).toEqual({ reached: 1, total: 2, percent: 90 });
    expect(result.persons[1]!.outcome).toBe('over-half-low');
  });

  it('shows progress without going past the collected ballots', () => {
    expect(progressShare(0, 0)).toBe(0);
    expect(progressShare(12, 48)).toBe(2500);
    expect(progressShare(60, 48)).toBe(10_000);
  });

  it('finds Vietnamese names without diacritics, words in any order', () => {
    expect(foldVi('  Nguyễn   Văn Đoàn ')).toBe('nguyen van doan');
    expect(matchesFolded('Nguyễn Văn Đoàn', 'nguyen van')).toBe(true);
    expect(matchesFolded('Nguyễn Văn Đoàn', 'DOAN nguyen')).toBe(true);
    expect(matchesFolded('Đặng Văn Tuấn', 'dang tuan')).toBe(true);
    // Decomposed input (as some keyboards type it) folds the same way.
    expect(matchesFolded('Nguyễn Văn', 'Nguye\u0302\u0303n')).toBe(true);
    expect(matchesFolded('Nguyễn Văn', 'tran')).toBe(false);
    expect(matchesFolded('Nguyễn Văn', '')).toBe(true);
  });
});
