import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quorumMet, quorumThreshold } from './quorum.js';

describe('quorum', () => {
  it('is met at exactly two thirds of those summoned', () => {
    expect(quorumThreshold(183)).toBe(122); // Móng Cái: 183 summoned
    expect(quorumMet(122, 183)).toBe(true);
    expect(quorumMet(121, 183)).toBe(false);
    expect(quorumThreshold(6)).toBe(4);
    expect(quorumMet(4, 6)).toBe(true);
    expect(quorumMet(3, 6)).toBe(false);
  });

  it('rounds the threshold up when two thirds is not whole', () => {
    expect(quorumThreshold(10)).toBe(7); // 6.67
    expect(quorumMet(7, 10)).toBe(true);
    expect(quorumMet(6, 10)).toBe(false);
    expect(quorumThreshold(1)).toBe(1);
    expect(quorumThreshold(0)).toBe(0);
  });

  it('has the threshold as the least present number that meets it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (summoned) => {
        const t = quorumThreshold(summoned);
        expect(quorumMet(t, summoned)).toBe(true);
        expect(quorumMet(t - 1, summoned)).toBe(false);
        expect(3n * BigInt(t) >= 2n * BigInt(summoned)).toBe(true);
      }),
    );
  });

  it('accepts another fraction for plans that set one', () => {
    expect(quorumThreshold(10, { numerator: 1, denominator: 2 })).toBe(5);
  });
});
