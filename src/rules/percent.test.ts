import { describe, expect, it } from 'vitest';
import { formatPercentEn, formatPercentVi, percentHundredths, percentString } from './percent.js';

describe('percentString', () => {
  it('rounds 393/480 = 81.875 up to 81.88 where floats give 81.87', () => {
    expect((393 / 480).toFixed(4)).toBe('0.8187'); // the float trap this function avoids
    expect(percentString(393, 480)).toBe('81.88');
  });

  it('rounds an exact half of a hundredth up', () => {
    expect(percentString(1, 20_000)).toBe('0.01'); // 0.005 %
    expect(percentString(3, 40_000)).toBe('0.01'); // 0.0075 %
    expect(percentString(1, 40_000)).toBe('0.00'); // 0.0025 %
  });

  it('reproduces published figures (rules.md §6.4)', () => {
    expect(percentString(323, 485)).toBe('66.60');
    expect(percentString(137, 485)).toBe('28.25');
    expect(percentString(25, 47)).toBe('53.19');
  });

  it('writes whole and zero percentages with two decimals', () => {
    expect(percentString(481, 481)).toBe('100.00');
    expect(percentString(0, 481)).toBe('0.00');
    expect(percentString(1, 3)).toBe('33.33');
    expect(percentString(2, 3)).toBe('66.67');
  });

  it('formats for Vietnamese and English readers', () => {
    expect(formatPercentVi(393, 480)).toBe('81,88%');
    expect(formatPercentVi(4, 481)).toBe('0,83%');
    expect(formatPercentEn(393, 480)).toBe('81.88%');
  });

  it('refuses a zero base and negative or fractional counts', () => {
    expect(() => percentHundredths(1, 0)).toThrow(/base/);
    expect(() => percentHundredths(-1, 10)).toThrow(/count/);
    expect(() => percentHundredths(1.5, 10)).toThrow(/count/);
  });
});
