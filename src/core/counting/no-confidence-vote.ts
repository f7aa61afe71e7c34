// Bỏ phiếu tín nhiệm — the binding no-confidence vote with two levels (NQ 96/2023 Điều 13, 17; rules.md §4.7).

import { err, ok, type Failure, type Result } from '../../rules/index.js';

/** The two levels of a no-confidence ballot: "tín nhiệm" and "không tín nhiệm". */
export type TrustLevel = 'trust' | 'no-trust';

/** Counts of a no-confidence vote on one person. */
export interface NoConfidenceCounts {
  readonly issued: number;
  readonly collected: number;
  readonly trust: number;
  readonly noTrust: number;
}

/** Outcome: a dismissal proposal when more than half of the ballots collected say "không tín nhiệm". */
export interface NoConfidenceResult extends NoConfidenceCounts {
  readonly invalid: number;
  readonly dismissalProposal: boolean;
}

/**
 * "có quá nửa tổng số phiếu đánh giá 'không tín nhiệm' thì … trình … miễn nhiệm" [verbatim], with the
 * base the ballots collected (Điều 19 k3): dismissal ⇔ 2 · noTrust > collected.
 */
export function decideNoConfidenceVote(
  counts: NoConfidenceCounts,
): Result<
  NoConfidenceResult,
  Failure<'invalid_count' | 'collected_exceeds_issued' | 'counts_exceed_collected'>
> {
  for (const field of ['issued', 'collected', 'trust', 'noTrust'] as const) {
    const value = counts[field];
    if (!Number.isSafeInteger(value) || value < 0) {
      return err({
        code: 'invalid_count',
        field,
        message: `${field}: expected a non-negative integer, got ${value}.`,
      });
    }
  }
  if (counts.collected > counts.issued) {
    return err({
      code: 'collected_exceeds_issued',
      field: 'collected',
      message: `Ballots collected (${counts.collected}) cannot exceed ballots issued (${counts.issued}).`,
    });
  }
  if (counts.trust + counts.noTrust > counts.collected) {
    return err({
      code: 'counts_exceed_collected',
      field: 'noTrust',
      message: `trust + noTrust = ${counts.trust + counts.noTrust} is more than the ballots collected (${counts.collected}).`,
    });
  }
  return ok({
    ...counts,
    invalid: counts.collected - counts.trust - counts.noTrust,
    dismissalProposal: 2 * counts.noTrust > counts.collected,
  });
}
