// Who is not voted on, and why (QĐ 96 §3.2, NQ 96/2023 Điều 2 k5, NQ 85/2014 and HD 321; rules.md §3.2, §4.2).

import { addMonths, compareDates, parseCalendarDate, type CalendarDate } from './calendar-date.js';

/** A reason a person is not voted on at a conference. */
export type ExclusionReason =
  | 'retirement-notified'
  | 'appointed-in-vote-year'
  | 'serious-illness'
  | 'voted-at-max-places'
  | 'in-office-under-9-months';

/** The words for each reason, Vietnamese first, as a plan or minutes state them. */
export const EXCLUSION_LABELS: Readonly<Record<ExclusionReason, { vi: string; en: string }>> = {
  'retirement-notified': {
    vi: 'Đã có thông báo nghỉ công tác chờ nghỉ hưu',
    en: 'Retirement already notified',
  },
  'appointed-in-vote-year': {
    vi: 'Được bổ nhiệm, bầu cử trong năm lấy phiếu',
    en: 'Appointed or elected in the year of the vote',
  },
  'serious-illness': {
    vi: 'Nghỉ điều trị bệnh hiểm nghèo, không đảm nhiệm công tác từ 6 tháng liên tục trở lên',
    en: 'On leave for serious illness, not in charge for 6 consecutive months or more',
  },
  'voted-at-max-places': {
    vi: 'Đã được lấy phiếu tín nhiệm ở hai nơi theo quy định',
    en: 'Already voted on at the maximum number of places',
  },
  'in-office-under-9-months': {
    vi: 'Giữ chức vụ chưa đủ 09 tháng tính đến ngày khai mạc kỳ họp',
    en: 'In office for less than 9 months at the opening of the session',
  },
};

/** What the personnel office knows about a person, for the exclusion checks. */
export interface ExclusionFacts {
  readonly retirementNotified: boolean;
  /** Dates the person took each position voted on at this conference. */
  readonly positionStartDates: readonly CalendarDate[];
  /** First day of sick leave for a serious illness, with no work in charge since; null if none. */
  readonly illnessLeaveSince: CalendarDate | null;
  /** Whether the round's plan already places this person's votes elsewhere, up to the cap. */
  readonly placesCapReached: boolean;
}

/** A reason that applies, with the detail that justifies it. */
export interface Exclusion {
  readonly reason: ExclusionReason;
  readonly detail: string;
}

/**
 * The reasons among `reasons` that exclude the person from a vote on `voteDate`.
 * - retirement-notified: "đã có thông báo nghỉ công tác chờ nghỉ hưu" (QĐ 96, NQ 96/2023).
 * - appointed-in-vote-year: every position voted on here was taken in the calendar year of the
 *   vote ("được bổ nhiệm, bầu cử trong năm lấy phiếu"; rules.md §3.3 design note).
 * - serious-illness: not in charge for 6 consecutive months or more by the vote (NQ 96/2023 only).
 * - voted-at-max-places: already voted at two places (QĐ 96 Điều 1 k3, priority order in places.ts).
 * - in-office-under-9-months: "chưa đủ 09 tháng, tính đến ngày khai mạc kỳ họp" (NQ 85/2014, HD 321).
 */
export function findExclusions(
  reasons: readonly ExclusionReason[],
  facts: ExclusionFacts,
  voteDate: CalendarDate,
): Exclusion[] {
  const voteYear = parseCalendarDate(voteDate).year;
  const found: Exclusion[] = [];
  for (const reason of reasons) {
    const detail = reasonDetail(reason, facts, voteDate, voteYear);
    if (detail !== null) found.push({ reason, detail });
  }
  return found;
}

function reasonDetail(
  reason: ExclusionReason,
  facts: ExclusionFacts,
  voteDate: CalendarDate,
  voteYear: number,
): string | null {
  const starts = facts.positionStartDates;
  switch (reason) {
    case 'retirement-notified':
      return facts.retirementNotified ? 'retirement notified' : null;
    case 'appointed-in-vote-year':
      return starts.length > 0 && starts.every((d) => parseCalendarDate(d).year === voteYear)
        ? `took the position in ${voteYear}`
        : null;
    case 'serious-illness':
      return facts.illnessLeaveSince !== null &&
        compareDates(addMonths(facts.illnessLeaveSince, 6), voteDate) <= 0
        ? `not in charge since ${facts.illnessLeaveSince}`
        : null;
    case 'voted-at-max-places':
      return facts.placesCapReached ? 'already voted on at the maximum number of places' : null;
    case 'in-office-under-9-months':
      return starts.length > 0 && starts.every((d) => compareDates(addMonths(d, 9), voteDate) > 0)
        ? `in office since ${starts.reduce((a, b) => (a < b ? a : b))}`
        : null;
  }
}
