import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentHundredths, percentString } from './percent.js';

const countAndBase = fc
  .integer({ min: 1, max: 2_000_000 })
  .chain((base) => fc.tuple(fc.integer({ min: 0, max: base }), fc.constant(base)));

describe('percentHundredths (property)', () => {
  it('is the half-up rounding of count·10000/base, checked in BigInt', () => {
    fc.assert(
      fc.property(countAndBase, ([count, base]) => {
        const h = BigInt(percentHundredths(count, base));
        const exact2 = 2n * BigInt(count) * 10_000n; // twice the exact value, times base
        const b = BigInt(base);
        // 2·h·base lies in (exact2 − base, exact2 + base]: nearest, ties up.
        expect(2n * h * b > exact2 - b).toBe(true);
        expect(2n * h * b <= exact2 + b).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never decreases as the count grows', () => {
    fc.assert(
      fc.property(countAndBase, ([count, base]) => {
        fc.pre(count < base);
        expect(percentHundredths(count + 1, base)).toBeGreaterThanOrEqual(
          percentHundredths(count, base),
        );
      }),
    );
  });

  it('always has exactly two decimals and a dot', () => {
    fc.assert(
      fc.property(countAndBase, ([count, base]) => {
        expect(percentString(count, base)).toMatch(/^\d{1,3}\.\d{2}$/);
      }),
    );
  });
});
