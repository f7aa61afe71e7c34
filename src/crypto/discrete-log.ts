// Small discrete logarithms for tallies: baby-step giant-step on torsion-free representatives (spec §10.2).
import { normalizeZ } from '@noble/curves/abstract/curve.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import type { Point } from './group.js';

/** Edwards points: ristretto255 elements are handled through one representative each. */
const Edwards = ed25519.Point;
type EdwardsPoint = InstanceType<typeof Edwards>;

/** G4 = 4B: ristretto's G is represented by the ed25519 base point B (RFC 9496). */
const G4: EdwardsPoint = Edwards.BASE.double().double();

function key(p: EdwardsPoint): string {
  return `${p.X.toString(36)}:${p.Y.toString(36)}`;
}

/**
 * Finds s in [0, bound) with M = sG, or undefined. Works on 4M against 4G so that Edwards arithmetic
 * on representatives is exact; affine keys come from batched normalisation. Cost ≈ 2·√bound additions.
 */
export function discreteLog(M: Point, bound: bigint): bigint | undefined {
  if (bound <= 0n) return undefined;
  // 4·(representative of M) is the torsion-free point s·(4B), whatever representative M carries.
  const target = Edwards.fromAffine(M.toAffine()).double().double();
  // m = ⌈√bound⌉ baby steps, as many giant steps.
  let m = BigInt(Math.ceil(Math.sqrt(Number(bound))));
  while (m * m < bound) m++;
  const steps = Number(m);
  const { baby, giant } = babySteps(steps);
  let gamma = target;
  for (let start = 0; start < steps; start += CHUNK) {
    const chunk: EdwardsPoint[] = [];
    for (let i = start; i < Math.min(steps, start + CHUNK); i++) {
      chunk.push(gamma);
      gamma = gamma.subtract(giant);
    }
    const normal = normalizeZ(Edwards, chunk);
    for (let idx = 0; idx < normal.length; idx++) {
      const j = baby.get(key(normal[idx]!));
      if (j !== undefined) {
        const s = BigInt(start + idx) * m + BigInt(j);
        if (s < bound) return s;
      }
    }
  }
  return undefined;
}

const CHUNK = 1024;
/** The last baby-step table, reused while the bound stays the same (one per tally). */
let cached: { steps: number; baby: Map<string, number>; giant: EdwardsPoint } | undefined;

/** Table j ↦ j·4B for j < steps, keyed by affine coordinates, and the giant step steps·4B. */
function babySteps(steps: number) {
  if (cached?.steps === steps) return cached;
  const baby = new Map<string, number>();
  let cur: EdwardsPoint = Edwards.ZERO;
  for (let start = 0; start < steps; start += CHUNK) {
    const chunk: EdwardsPoint[] = [];
    for (let j = start; j < Math.min(steps, start + CHUNK); j++) {
      chunk.push(cur);
      cur = cur.add(G4);
    }
    const normal = normalizeZ(Edwards, chunk);
    normal.forEach((p, idx) => {
      const k = key(p);
      if (!baby.has(k)) baby.set(k, start + idx);
    });
  }
  cached = { steps, baby, giant: cur };
  return cached;
}
