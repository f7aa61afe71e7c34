import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { G, L, ZERO, mulPublic } from './group.js';
import { msmIsNeutral } from './edwards-msm.js';

describe('edwards-msm (cofactored batch check)', () => {
  it('Σ s_i P_i − (Σ s_i k_i)G is neutral; off by one G is not', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.bigInt({ min: 1n, max: L - 1n }), fc.bigInt({ min: 0n, max: L - 1n })),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        (pairs) => {
          const points = pairs.map(([k]) => mulPublic(G, k).toAffine());
          const scalars = pairs.map(([, s]) => s);
          const total = pairs.reduce((acc, [k, s]) => (acc + k * s) % L, 0n);
          const minus = (L - total) % L;
          const ok = msmIsNeutral([...points, G.toAffine()], [...scalars, minus]);
          const off = msmIsNeutral([...points, G.toAffine()], [...scalars, (minus + 1n) % L]);
          return ok && !off;
        },
      ),
      { numRuns: 30 },
    );
  });
  it('treats an empty sum and zero scalars as neutral', () => {
    expect(msmIsNeutral([], [])).toBe(true);
    expect(msmIsNeutral([G.toAffine()], [0n])).toBe(true);
    expect(msmIsNeutral([ZERO.toAffine()], [5n])).toBe(true);
  });
});
