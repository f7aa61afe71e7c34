// The conference state machine: draft → prepared → open → counting → confirmed → published.

import { err, ok, type Failure, type Result } from '../../rules/index.js';
import type { ConferenceStatus } from '../model/conference.js';

/**
 * Allowed moves. Preparation may go back (prepared → draft) to fix lists; once open the day runs
 * forward only (issue 4); a confirmed result is corrected by a logged revision, not by moving back.
 */
export const CONFERENCE_TRANSITIONS: Readonly<
  Record<ConferenceStatus, readonly ConferenceStatus[]>
> = {
  draft: ['prepared'],
  prepared: ['draft', 'open'],
  open: ['counting'],
  counting: ['confirmed'],
  confirmed: ['published'],
  published: [],
};

/** Whether `from` may move to `to`. */
export function canTransition(from: ConferenceStatus, to: ConferenceStatus): boolean {
  return CONFERENCE_TRANSITIONS[from].includes(to);
}

/** The new status, or `invalid_transition` naming both states. */
export function transitionStatus(
  from: ConferenceStatus,
  to: ConferenceStatus,
): Result<ConferenceStatus, Failure<'invalid_transition'>> {
  if (canTransition(from, to)) return ok(to);
  return err({
    code: 'invalid_transition',
    field: 'status',
    message: `A conference cannot go from "${from}" to "${to}"; allowed: ${
      CONFERENCE_TRANSITIONS[from].join(', ') || 'none'
    }.`,
  });
}

/** Whether the lists (subjects, participants, styles) may still change: before the conference opens. */
export function isInPreparation(status: ConferenceStatus): boolean {
  return status === 'draft' || status === 'prepared';
}
