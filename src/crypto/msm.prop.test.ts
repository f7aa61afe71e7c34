import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { G, L, ZERO, mulPublic } from './group.js';
import { msm } from './msm.js';

describe('msm (Pippenger)', () => {
  it('equals the sum of single multiplications, for mixed scalar sizes', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.bigInt({ min: 1n, max: 1000n }),
            fc.oneof(fc.bigInt({ min: 0n, max: L - 1n }), fc.bigInt({ min: 0n, max: 2n ** 128n })),
          ),
          { minLength: 0, maxLength: 40 },
        ),
        (pairs) => {
          const points = pairs.map(([k]) => mulPublic(G, k));
          const scalars = pairs.map(([, s]) => s);
          const expected = pairs.reduce((acc, [k, s]) => acc.add(mulPublic(G, (k * s) % L)), ZERO);
          return msm(points, scalars).equals(expected);
        },
      ),
      { numRuns: 25 },
    );
  });
  it('rejects mismatched lengths and negative scalars', () => {
    expect(() => msm([G], [])).toThrow(/points but/);
    expect(() => msm([G], [-1n])).toThrow(/non-negative/);
  });
});
