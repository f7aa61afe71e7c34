// The organiser confirms or overrides a proposal; an override needs a written reason (issue 3 §5).

import { err, ok, type Failure, type Result } from '../../rules/index.js';
import type { SubjectDecision } from '../model/conference-subject.js';

/** A decision ready to store: the override reason trimmed, or null when the proposal is confirmed. */
export interface CheckedDecision {
  readonly decision: SubjectDecision;
  readonly overrideReason: string | null;
}

/**
 * Checks a decision against the proposal: confirming needs nothing; overriding (voting on a person the
 * rules exclude, or excluding one they keep) needs a non-blank reason of at least 10 characters, kept
 * in the audit log.
 */
export function checkSubjectDecision(
  proposal: SubjectDecision,
  decision: SubjectDecision,
  overrideReason: string | null | undefined,
): Result<CheckedDecision, Failure<'override_reason_required'>> {
  if (decision === proposal) return ok({ decision, overrideReason: null });
  const reason = (overrideReason ?? '').normalize('NFC').trim();
  if (reason.length < 10) {
    return err({
      code: 'override_reason_required',
      field: 'overrideReason',
      message:
        'An override of the proposal needs a written reason (at least 10 characters) for the audit log.',
    });
  }
  return ok({ decision, overrideReason: reason });
}
