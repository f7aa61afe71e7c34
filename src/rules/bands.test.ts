import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyOutcome } from './bands.js';

describe('classifyOutcome', () => {
  it('keeps exactly one half in no band: "quá nửa" means more than half', () => {
    expect(classifyOutcome(3, 6)).toBe('none');
    expect(classifyOutcome(240, 480)).toBe('none');
    expect(classifyOutcome(241, 480)).toBe('over-half-low');
  });

  it('puts exactly two thirds in the upper band: "từ 2/3 trở lên"', () => {
    expect(classifyOutcome(4, 6)).toBe('two-thirds-low');
    expect(classifyOutcome(320, 480)).toBe('two-thirds-low');
    expect(classifyOutcome(319, 480)).toBe('over-half-low');
  });

  it('handles bases divisible by neither 2 nor 3', () => {
    // 481: half = 240.5, two thirds = 320.67
    expect(classifyOutcome(240, 481)).toBe('none');
    expect(classifyOutcome(241, 481)).toBe('over-half-low');
    expect(classifyOutcome(320, 481)).toBe('over-half-low');
    expect(classifyOutcome(321, 481)).toBe('two-thirds-low');
    // 7: half = 3.5, two thirds = 4.67
    expect(classifyOutcome(3, 7)).toBe('none');
    expect(classifyOutcome(4, 7)).toBe('over-half-low');
    expect(classifyOutcome(5, 7)).toBe('two-thirds-low');
  });

  it('is the real Vĩnh Phúc 2023 case: 25 of 47 low (rules.md §6.3)', () => {
    expect(classifyOutcome(25, 47)).toBe('over-half-low');
  });

  it('with the "trên 2/3" comparator leaves exactly two thirds in the middle band', () => {
    expect(classifyOutcome(4, 6, 'moreThan')).toBe('over-half-low');
    expect(classifyOutcome(5, 6, 'moreThan')).toBe('two-thirds-low');
    expect(classifyOutcome(321, 481, 'moreThan')).toBe('two-thirds-low');
  });

  it('agrees with rational comparison for every low and base (property)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 100_000 })
          .chain((base) => fc.tuple(fc.integer({ min: 0, max: base }), fc.constant(base))),
        fc.constantFrom('atLeast' as const, 'moreThan' as const),
        ([low, base], comparator) => {
          const l = BigInt(low);
          const n = BigInt(base);
          const upper = comparator === 'atLeast' ? 3n * l >= 2n * n : 3n * l > 2n * n;
          const expected = upper ? 'two-thirds-low' : 2n * l > n ? 'over-half-low' : 'none';
          expect(classifyOutcome(low, base, comparator)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses a zero base', () => {
    expect(() => classifyOutcome(0, 0)).toThrow(/base/);
  });
});
