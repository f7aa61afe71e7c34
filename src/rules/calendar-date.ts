// Calendar dates as "YYYY-MM-DD" strings, compared and shifted by months without time zones or floats.

/** A calendar date "YYYY-MM-DD". */
export type CalendarDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Year, month (1–12) and day of a calendar date; throws on anything else. */
export function parseCalendarDate(date: CalendarDate): {
  year: number;
  month: number;
  day: number;
} {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`expected a date "YYYY-MM-DD", got "${date}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`expected a real calendar date, got "${date}"`);
  }
  return { year, month, day };
}

/** Whether the string is a real calendar date "YYYY-MM-DD". */
export function isCalendarDate(value: string): boolean {
  try {
    parseCalendarDate(value);
    return true;
  } catch {
    return false;
  }
}

/** The date `months` months later, clamped to the end of a shorter month (31/8 + 6 → 28 or 29/2). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const { year, month, day } = parseCalendarDate(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = (index % 12) + 1;
  const newDay = Math.min(day, daysInMonth(newYear, newMonth));
  return `${String(newYear).padStart(4, '0')}-${pad(newMonth)}-${pad(newDay)}`;
}

/** The date `days` days earlier or later (negative goes back). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const { year, month, day } = parseCalendarDate(date);
  const utc = new Date(Date.UTC(year, month - 1, day + days));
  return utc.toISOString().slice(0, 10);
}

/** Compares two dates: negative, zero or positive. ISO strings sort as dates. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  parseCalendarDate(a);
  parseCalendarDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Vietnamese form "28/7/2023" as plans and minutes write it. */
export function formatDateVi(date: CalendarDate): string {
  const { year, month, day } = parseCalendarDate(date);
  return `${day}/${month}/${year}`;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
