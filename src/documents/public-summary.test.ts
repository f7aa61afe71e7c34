// The public summary: the press's sentences, exact thresholds, and no per-person figures.

import { describe, expect, it } from 'vitest';
import { QD96_2023, tallyCounts, type PersonCounts, type Tally } from '../rules/index.js';
import { highAboveWholeShare, publicSummary } from './public-summary.js';

function tally(collected: number, persons: [number, number, number][]): Tally {
  const counts: PersonCounts[] = persons.map(([high, confidence, low], i) => ({
    name: `Người ${i + 1}`,
    position: 'Phó Giám đốc',
    high,
    confidence,
    low,
  }));
  const result = tallyCounts(QD96_2023, {
    ballotsIssued: collected,
    ballotsCollected: collected,
    persons: counts,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('publicSummary', () => {
  it('writes the Lạng Sơn sentence when everyone reaches 90% high + confidence', () => {
    const summary = publicSummary([
      tally(176, [
        [158, 15, 2],
        [149, 22, 3],
      ]),
    ]);
    expect(summary.vi).toBe(
      'Hội nghị đã tiến hành lấy phiếu tín nhiệm đối với 2 đồng chí. ' +
        'Kết quả, các chức danh được lấy phiếu tín nhiệm đều đạt tỷ lệ từ 90% trở lên “tín nhiệm cao” và “tín nhiệm”. ' +
        'Các đồng chí được lấy phiếu đều đạt phiếu tín nhiệm cao trên 84%. ' +
        'Không có trường hợp nào có trên một nửa số phiếu “tín nhiệm thấp”.',
    );
    expect(summary.en).toContain('every person received 90% or more');
  });

  it('counts exactly at 90%: 9 of 10 reaches it, 899 of 1000 does not', () => {
    expect(publicSummary([tally(10, [[5, 4, 1]])]).vi).toContain(
      'chức danh được lấy phiếu tín nhiệm đạt tỷ lệ từ 90% trở lên',
    );
    const below = publicSummary([
      tally(1000, [
        [500, 399, 101],
        [990, 10, 0],
      ]),
    ]);
    expect(below.vi).toContain('Kết quả, 1/2 chức danh');
  });

  it('says "trên 96%" only when every high share is strictly above 96%', () => {
    expect(highAboveWholeShare([tally(100, [[97, 3, 0]])])).toBe(96);
    expect(highAboveWholeShare([tally(100, [[96, 4, 0]])])).toBe(95);
    // 2413/2500 = 96.52%: above 96, not above 97.
    expect(highAboveWholeShare([tally(2500, [[2413, 87, 0]])])).toBe(96);
    expect(
      publicSummary([
        tally(100, [
          [97, 3, 0],
          [99, 1, 0],
        ]),
      ]).vi,
    ).toContain('đạt phiếu tín nhiệm cao trên 96%');
  });

  it('counts the bands without naming anyone', () => {
    const summary = publicSummary([
      tally(47, [
        [19, 2, 25],
        [2, 7, 38],
        [40, 7, 0],
      ]),
    ]);
    expect(summary.vi).toContain('Có 1 trường hợp có trên một nửa đến dưới hai phần ba');
    expect(summary.vi).toContain('Có 1 trường hợp có từ hai phần ba');
    expect(summary.vi).not.toMatch(/Người \d|53,19/);
  });
});
