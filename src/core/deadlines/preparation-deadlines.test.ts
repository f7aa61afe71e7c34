import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLAN_DEADLINES, addDays, compareDates } from '../../rules/index.js';
import { checkDeadline, preparationSchedule, vietnamDate } from './preparation-deadlines.js';

describe('preparation deadlines', () => {
  it('counts back from the conference date (Sở Xây dựng, 26/9/2023)', () => {
    expect(preparationSchedule('2023-09-26', PLAN_DEADLINES)).toEqual({
      reportToOffice: '2023-09-06',
      distributionToVoters: '2023-09-11',
      questionsForwarded: '2023-09-16',
      answers: '2023-09-23',
    });
  });

  it('crosses month and leap-year boundaries', () => {
    expect(preparationSchedule('2024-03-10', PLAN_DEADLINES).reportToOffice).toBe('2024-02-19');
    expect(preparationSchedule('2023-03-10', PLAN_DEADLINES).reportToOffice).toBe('2023-02-18');
  });

  it('allows an action up to and including its last day, then refuses with deadline_passed', () => {
    expect(checkDeadline('answer-question', '2023-09-29', PLAN_DEADLINES, '2023-09-26')).toEqual({
      ok: true,
      value: { dueDate: '2023-09-26' },
    });
    const late = checkDeadline('answer-question', '2023-09-29', PLAN_DEADLINES, '2023-09-27');
    expect(late.ok).toBe(false);
    if (!late.ok) {
      expect(late.error.code).toBe('deadline_passed');
      expect(late.error.dueDate).toBe('2023-09-26');
      expect(late.error.message).toContain('26/9/2023');
    }
    expect(checkDeadline('upload-report', '2023-09-29', PLAN_DEADLINES, '2023-09-10').ok).toBe(
      false,
    );
  });

  it('uses the Vietnamese calendar day (UTC+7)', () => {
    expect(vietnamDate('2023-09-25T16:59:59.000Z')).toBe('2023-09-25');
    expect(vietnamDate('2023-09-25T17:00:00.000Z')).toBe('2023-09-26');
  });

  it('property: allowed exactly on the days not after the due date', () => {
    const day = fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2020-01-01', n));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: -40, max: 40 }),
        fc.nat(60),
        (conference, offset, days) => {
          const deadlines = { ...PLAN_DEADLINES, answers: days };
          const today = addDays(conference, offset);
          const result = checkDeadline('answer-question', conference, deadlines, today);
          const due = addDays(conference, -days);
          expect(result.ok).toBe(compareDates(today, due) <= 0);
        },
      ),
    );
  });
});
