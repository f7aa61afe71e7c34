// Quorum: the conference proceeds only when at least 2/3 of those summoned are present (QĐ 96, rules.md §3.7).

/** A fraction of those summoned that must be present, inclusive. */
export interface QuorumFraction {
  readonly numerator: number;
  readonly denominator: number;
}

/** "ít nhất 2/3 số người được triệu tập có mặt". */
export const TWO_THIRDS: QuorumFraction = { numerator: 2, denominator: 3 };

/** The least number present that meets the quorum: ⌈summoned · p / q⌉. */
export function quorumThreshold(summoned: number, fraction: QuorumFraction = TWO_THIRDS): number {
  assertCount(summoned, 'summoned');
  return Math.floor(
    (summoned * fraction.numerator + fraction.denominator - 1) / fraction.denominator,
  );
}

/** Whether `present` of `summoned` meets the quorum: present · q ≥ summoned · p, exact. */
export function quorumMet(
  present: number,
  summoned: number,
  fraction: QuorumFraction = TWO_THIRDS,
): boolean {
  assertCount(present, 'present');
  assertCount(summoned, 'summoned');
  return present * fraction.denominator >= summoned * fraction.numerator;
}

function assertCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`quorum: expected ${name} to be a non-negative integer, got ${value}`);
  }
}
