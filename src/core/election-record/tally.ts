// Replacement rule, homomorphic sums and the decoding of per-person counts (spec §7.4, §10).
import type { Ballot } from '../../crypto/index.js';

/** For ballots in record order, true where the ballot is the last with its credential (spec §7.4). */
export function lastBallotPerCredential(ballots: readonly Pick<Ballot, 'credential'>[]): boolean[] {
  const last = new Map<string, number>();
  ballots.forEach((b, i) => last.set(b.credential, i));
  return ballots.map((b, i) => last.get(b.credential) === i);
}

/** Counts of one person: the base-B digits of the decrypted sum (spec §10.2). */
export interface PersonCounts {
  high: number;
  confidence: number;
  low: number;
  invalid: number;
}

/**
 * high = s mod B, confidence = ⌊s/B⌋ mod B, low = ⌊s/B²⌋, invalid = counted − the three (spec §10.2).
 * Returns undefined when the sum cannot come from `counted` well-formed lines.
 */
export function countsFromSum(
  sum: bigint,
  base: bigint,
  counted: number,
): PersonCounts | undefined {
  if (sum < 0n || sum >= base * base * base) return undefined;
  const high = sum % base;
  const confidence = (sum / base) % base;
  const low = sum / (base * base);
  const invalid = BigInt(counted) - high - confidence - low;
  if (invalid < 0n) return undefined;
  return {
    high: Number(high),
    confidence: Number(confidence),
    low: Number(low),
    invalid: Number(invalid),
  };
}

/** s = high + confidence·B + low·B² (spec §7.1). */
export function sumFromCounts(
  c: Pick<PersonCounts, 'high' | 'confidence' | 'low'>,
  base: bigint,
): bigint {
  return BigInt(c.high) + BigInt(c.confidence) * base + BigInt(c.low) * base * base;
}
