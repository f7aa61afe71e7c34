// What must follow a band result (QĐ 96 §3.9; NQ 96/2023 Điều 12; rules.md §4.6).

import type { Outcome } from '../../rules/index.js';

/** The follow-up a band result opens. */
export type FollowUpKind =
  /** over-half-low: the person may resign; otherwise a no-confidence vote is held. */
  | 'resign-or-no-confidence-vote'
  /** two-thirds-low: flagged for the competent authority (dismissal proposal / relief from post). */
  | 'flag-for-authority';

/** The follow-up for an outcome, or null when none is due. */
export function followUpFor(outcome: Outcome): FollowUpKind | null {
  switch (outcome) {
    case 'none':
      return null;
    case 'over-half-low':
      return 'resign-or-no-confidence-vote';
    case 'two-thirds-low':
      return 'flag-for-authority';
  }
}
