import { describe, expect, it } from 'vitest';
import { CONFERENCE_STATUSES } from '../model/conference.js';
import { canTransition, isInPreparation, transitionStatus } from './conference-status.js';

describe('conference state machine', () => {
  it('walks forward draft → prepared → open → counting → confirmed → published', () => {
    for (let i = 0; i + 1 < CONFERENCE_STATUSES.length; i++) {
      expect(canTransition(CONFERENCE_STATUSES[i]!, CONFERENCE_STATUSES[i + 1]!)).toBe(true);
    }
  });

  it('goes back only from prepared to draft, and never skips', () => {
    expect(canTransition('prepared', 'draft')).toBe(true);
    expect(canTransition('open', 'prepared')).toBe(false);
    expect(canTransition('draft', 'open')).toBe(false);
    expect(canTransition('published', 'confirmed')).toBe(false);
    const refused = transitionStatus('confirmed', 'counting');
    expect(refused.ok ? null : refused.error.code).toBe('invalid_transition');
  });

  it('allows list changes only in preparation', () => {
    expect(CONFERENCE_STATUSES.filter(isInPreparation)).toEqual(['draft', 'prepared']);
  });
});
