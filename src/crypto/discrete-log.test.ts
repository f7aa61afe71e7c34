import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discreteLog } from './discrete-log.js';
import { G, RistrettoPoint, encodeMessage } from './group.js';

describe('discrete log of tallies (spec §10.2)', () => {
  const bound = 102n ** 3n;
  it('finds small exponents whatever the representative', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: bound - 1n }), (s) => {
        // re-decoding yields the canonical representative, which may differ by 4-torsion
        const M = RistrettoPoint.fromBytes(encodeMessage(s).toBytes());
        return discreteLog(M, bound) === s;
      }),
      { numRuns: 20 },
    );
  });
  it('returns undefined beyond the bound', () => {
    expect(discreteLog(encodeMessage(bound), bound)).toBeUndefined();
    expect(discreteLog(G.negate(), bound)).toBeUndefined();
  });
});
