// Batch verification of linear equations over points by a random linear combination (spec §5.5).
import { msmIsNeutral } from './edwards-msm.js';
import { type Point, L, affineOf, mod } from './group.js';
import { msm } from './msm.js';
import { type RandomSource, bufferedRandom, randomWeight } from './random.js';

/** One term s·P of an equation; P is a point or the key of a base registered with `base`. */
export type Term = readonly [scalar: bigint, point: Point | string];

/**
 * Collects equations Σ s_i P_i = 0 and checks them all with one multi-scalar multiplication, each
 * weighted by a fresh 128-bit ρ from the verifier's own randomness (spec §5.5). Coefficients of
 * registered bases (G, Y, trustee keys) are folded into one term each. With `exact`, every equation is
 * checked on its own with weight 1 (for single proofs and for naming a failing item).
 */
export class BatchVerifier {
  private readonly bases = new Map<string, { point: Point; scalar: bigint }>();
  private readonly points: Point[] = [];
  private readonly scalars: bigint[] = [];
  private failed = false;

  private readonly random: RandomSource | 'exact';

  constructor(random: RandomSource | 'exact') {
    this.random = random === 'exact' ? random : bufferedRandom(random);
  }

  /** Registers a base that many equations share. */
  base(key: string, point: Point): void {
    const existing = this.bases.get(key);
    if (existing && !existing.point.equals(point)) {
      throw new Error(`BatchVerifier.base: key ${key} already registered with another point`);
    }
    if (!existing) this.bases.set(key, { point, scalar: 0n });
  }

  /** Marks the batch as failed (a malformed item, a wrong challenge sum). */
  fail(): void {
    this.failed = true;
  }

  /** Adds the equation Σ s_i P_i = 0. */
  equation(terms: readonly Term[]): void {
    this.equations([terms]);
  }

  /**
   * Adds several equations Σ s_i P_i = 0, each with its own weight; a point object that occurs in
   * several of them (α and β of a line) becomes one term of the multi-scalar multiplication.
   */
  equations(list: readonly (readonly Term[])[]): void {
    if (this.random === 'exact') {
      for (const terms of list) {
        const pts: Point[] = [];
        const scs: bigint[] = [];
        for (const [s, p] of terms) {
          pts.push(typeof p === 'string' ? this.lookup(p).point : p);
          scs.push(mod(s));
        }
        if (!msmIsNeutral(pts.map(affineOf), scs)) this.failed = true;
      }
      return;
    }
    const local = new Map<Point, bigint>();
    for (const terms of list) {
      const rho = randomWeight(this.random);
      for (const [s, p] of terms) {
        if (typeof p === 'string') {
          const b = this.lookup(p);
          b.scalar = (b.scalar + rho * s) % L;
        } else {
          local.set(p, (local.get(p) ?? 0n) + rho * s);
        }
      }
    }
    for (const [p, s] of local) {
      this.points.push(p);
      this.scalars.push(mod(s));
    }
  }

  /**
   * One batch holding the equations of several batches, each with the weights it drew, so that they
   * are checked with one multi-scalar multiplication; it fails when one of them failed. The parts are
   * left as they are, so a failing union can be split into smaller unions to name the bad parts.
   */
  static union(parts: readonly BatchVerifier[]): BatchVerifier {
    const out = new BatchVerifier(UNUSED_SOURCE);
    for (const part of parts) {
      if (part.random === 'exact')
        throw new Error('BatchVerifier.union: expected batches with random weights, got exact');
      if (part.failed) out.failed = true;
      for (const [key, b] of part.bases) {
        out.base(key, b.point);
        const mine = out.bases.get(key)!;
        mine.scalar = (mine.scalar + b.scalar) % L;
      }
      for (let i = 0; i < part.points.length; i++) {
        out.points.push(part.points[i]!);
        out.scalars.push(part.scalars[i]!);
      }
    }
    return out;
  }

  /** Number of variable points collected so far (for progress and sizing). */
  get size(): number {
    return this.points.length;
  }

  /** True when every equation added holds (with probability ≥ 1 − 2^-128 in batch mode). */
  valid(): boolean {
    if (this.failed) return false;
    if (this.random === 'exact') return true;
    const pts = [...this.points];
    const scs = [...this.scalars];
    for (const b of this.bases.values()) {
      pts.push(b.point);
      scs.push(mod(b.scalar));
    }
    return msmIsNeutral(pts.map(affineOf), scs);
  }

  private lookup(key: string): { point: Point; scalar: bigint } {
    const b = this.bases.get(key);
    if (!b) throw new Error(`BatchVerifier: base ${key} used before registration`);
    return b;
  }
}

/** The source of a union: it draws no weight of its own (its parts drew theirs). */
const UNUSED_SOURCE: RandomSource = () => {
  throw new Error('BatchVerifier.union: a union takes no new equations');
};

export { msm };

/**
 * Names the failing items of a batch: checks all items together, and on failure splits the set in
 * halves recursively (cost O(k log n) batches for k bad items).
 */
export function findInvalid(
  count: number,
  add: (batch: BatchVerifier, index: number) => void,
  random: RandomSource,
): number[] {
  const bad: number[] = [];
  const check = (from: number, to: number): void => {
    if (from >= to) return;
    const batch = new BatchVerifier(to - from === 1 ? 'exact' : random);
    for (let i = from; i < to; i++) add(batch, i);
    if (batch.valid()) return;
    if (to - from === 1) {
      bad.push(from);
      return;
    }
    const mid = (from + to) >> 1;
    check(from, mid);
    check(mid, to);
  };
  check(0, count);
  return bad;
}
