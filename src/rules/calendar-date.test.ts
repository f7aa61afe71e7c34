import { describe, expect, it } from 'vitest';
import { addDays, addMonths, formatDateVi, isCalendarDate } from './calendar-date.js';

describe('calendar dates', () => {
  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2023-03-31', 6)).toBe('2023-09-30');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2023-12-15', 1)).toBe('2024-01-15');
  });

  it('counts days back for deadlines', () => {
    expect(addDays('2023-09-29', -20)).toBe('2023-09-09');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('rejects what is not a calendar date', () => {
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('28/7/2023')).toBe(false);
    expect(isCalendarDate('2024-02-29')).toBe(true);
  });

  it('writes dates as Vietnamese plans do', () => {
    expect(formatDateVi('2023-07-28')).toBe('28/7/2023');
  });
});
