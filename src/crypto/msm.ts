// Multi-scalar multiplication Σ s_i P_i for public inputs, returning a ristretto255 element.
import { msmAffine } from './edwards-msm.js';
import { canonical, invert, mul } from './field25519.js';
import { type Point, RistrettoPoint, affineOf } from './group.js';

/**
 * Σ s_i P_i (variable time: public inputs only; scalars in [0, L)). Runs the verifier's Pippenger on
 * Edwards representatives; a sum of representatives represents the sum of the ristretto255 elements.
 */
export function msm(points: readonly Point[], scalars: readonly bigint[]): Point {
  if (points.length !== scalars.length) {
    throw new Error(`msm: ${points.length} points but ${scalars.length} scalars`);
  }
  const r = msmAffine(points.map(affineOf), scalars);
  if (!r) return RistrettoPoint.ZERO;
  const zInv = invert(r[2]);
  return RistrettoPoint.fromAffine({
    x: canonical(mul(r[0], zInv)),
    y: canonical(mul(r[1], zInv)),
  });
}
