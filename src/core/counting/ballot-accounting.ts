// Ballots issued, collected and exchanged for one ballot style, checked before counting starts.

import { err, ok, type Failure, type Result } from '../../rules/index.js';

/** What the counting committee records for a ballot style. */
export interface BallotAccounting {
  readonly issued: number;
  readonly collected: number;
  /** Spoiled ballots a voter handed back for a new one (NQ 31/2023/UBTVQH15 practice). */
  readonly spoiledExchanged: number;
}

/** Refuses negative or fractional figures and more ballots collected than issued. */
export function checkAccounting(
  figures: BallotAccounting,
): Result<BallotAccounting, Failure<'invalid_count' | 'collected_exceeds_issued'>> {
  for (const field of ['issued', 'collected', 'spoiledExchanged'] as const) {
    const value = figures[field];
    if (!Number.isSafeInteger(value) || value < 0) {
      return err({
        code: 'invalid_count',
        field,
        message: `${field}: expected a non-negative integer, got ${value}.`,
      });
    }
  }
  if (figures.collected > figures.issued) {
    return err({
      code: 'collected_exceeds_issued',
      field: 'collected',
      message: `Ballots collected (${figures.collected}) cannot exceed ballots issued (${figures.issued}).`,
    });
  }
  return ok(figures);
}
