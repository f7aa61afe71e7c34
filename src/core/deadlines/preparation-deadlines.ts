// Preparation deadlines as calendar dates, and whether an action is still allowed today (rules.md §3.8).

import {
  addDays,
  err,
  formatDateVi,
  ok,
  type CalendarDate,
  type Deadlines,
  type Failure,
  type Result,
} from '../../rules/index.js';
import type { IsoTimestamp, Label } from '../model/common.js';

/** What a person does before the conference, each bounded by one deadline. */
export type PreparationAction =
  'upload-report' | 'ask-question' | 'forward-question' | 'answer-question';

/** Which deadline bounds each action (Hải Dương plan, rules.md §3.8). */
export const ACTION_DEADLINE: Readonly<Record<PreparationAction, keyof Deadlines>> = {
  /** "gửi hồ sơ, báo cáo … trước ngày lấy phiếu tín nhiệm 20 ngày". */
  'upload-report': 'reportToOffice',
  /** Voters' questions must reach the office in time to be forwarded "trước 10 ngày". */
  'ask-question': 'questionsForwarded',
  'forward-question': 'questionsForwarded',
  /** "Chậm nhất 3 ngày trước ngày lấy phiếu tín nhiệm, người được lấy phiếu phải báo cáo, giải trình". */
  'answer-question': 'answers',
};

/** Words for each action, Vietnamese first. */
export const ACTION_LABELS: Readonly<Record<PreparationAction, Label>> = {
  'upload-report': { vi: 'Nộp báo cáo', en: 'Upload the report' },
  'ask-question': { vi: 'Gửi ý kiến, yêu cầu giải trình', en: 'Send a comment or question' },
  'forward-question': { vi: 'Chuyển ý kiến đến người được lấy phiếu', en: 'Forward the questions' },
  'answer-question': { vi: 'Trả lời, giải trình', en: 'Answer the questions' },
};

/** The last day of each step for a conference: conference date minus the days. */
export type PreparationSchedule = Readonly<Record<keyof Deadlines, CalendarDate>>;

/** The calendar dates of each deadline: "trước N ngày" = the conference date minus N days. */
export function preparationSchedule(
  conferenceDate: CalendarDate,
  deadlines: Deadlines,
): PreparationSchedule {
  return {
    reportToOffice: addDays(conferenceDate, -deadlines.reportToOffice),
    distributionToVoters: addDays(conferenceDate, -deadlines.distributionToVoters),
    questionsForwarded: addDays(conferenceDate, -deadlines.questionsForwarded),
    answers: addDays(conferenceDate, -deadlines.answers),
  };
}

/** Why an action is refused: its last day is over. */
export interface DeadlinePassed extends Failure<'deadline_passed'> {
  readonly action: PreparationAction;
  readonly dueDate: CalendarDate;
}

/**
 * Whether `action` is allowed on `today`: it is, up to and including its last day. Refused with
 * `deadline_passed`, the last day and a message in Vietnamese and English.
 */
export function checkDeadline(
  action: PreparationAction,
  conferenceDate: CalendarDate,
  deadlines: Deadlines,
  today: CalendarDate,
): Result<{ readonly dueDate: CalendarDate }, DeadlinePassed> {
  const dueDate = preparationSchedule(conferenceDate, deadlines)[ACTION_DEADLINE[action]];
  if (today <= dueDate) return ok({ dueDate });
  return err({
    code: 'deadline_passed',
    field: 'date',
    action,
    dueDate,
    message:
      `${ACTION_LABELS[action].vi}: đã quá hạn ngày ${formatDateVi(dueDate)} / ` +
      `${ACTION_LABELS[action].en}: the deadline was ${dueDate}.`,
  });
}

/** Offset of Vietnam time (UTC+7, no daylight saving). */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar date in Vietnam at an instant: deadlines are days in Vietnam, not in UTC. */
export function vietnamDate(at: IsoTimestamp): CalendarDate {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new RangeError(`expected an ISO timestamp, got "${at}"`);
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}
