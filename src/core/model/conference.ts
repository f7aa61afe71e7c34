// Hội nghị lấy phiếu tín nhiệm — one conference (or session) of a round, and its status.

import type { CalendarDate, PlaceKind, RuleSetId } from '../../rules/index.js';
import type { Id, IsoTimestamp, Label } from './common.js';
import type { PlanReference } from './round.js';

/**
 * Trạng thái hội nghị. Issue 3 prepares (draft → prepared); issue 4 runs the day
 * (open → counting → confirmed → published).
 */
export type ConferenceStatus =
  'draft' | 'prepared' | 'open' | 'counting' | 'confirmed' | 'published';

/** Every status, in order. */
export const CONFERENCE_STATUSES: readonly ConferenceStatus[] = [
  'draft',
  'prepared',
  'open',
  'counting',
  'confirmed',
  'published',
];

/** Words for each status, Vietnamese first. */
export const CONFERENCE_STATUS_LABELS: Readonly<Record<ConferenceStatus, Label>> = {
  draft: { vi: 'Đang chuẩn bị', en: 'Draft' },
  prepared: { vi: 'Đã sẵn sàng', en: 'Prepared' },
  open: { vi: 'Đang họp', en: 'Open' },
  counting: { vi: 'Đang kiểm phiếu', en: 'Counting' },
  confirmed: { vi: 'Đã xác nhận kết quả', en: 'Result confirmed' },
  published: { vi: 'Đã công bố', en: 'Published' },
};

/** Cách kiểm phiếu — paper ballots now; electronic in a later issue. */
export type CountingMode = 'paper' | 'electronic';

/** Hội nghị lấy phiếu tín nhiệm. */
export interface Conference {
  readonly id: Id;
  readonly roundId: Id;
  /** The unit holding the conference; its positions are the ones voted on. */
  readonly unitId: Id;
  /** Tên hội nghị, e.g. "Hội nghị lấy phiếu tín nhiệm chức danh Phó Chủ tịch UBND TP Móng Cái". */
  readonly title: string;
  /** Ngày lấy phiếu — deadlines count back from it. */
  readonly date: CalendarDate;
  /** Địa điểm. */
  readonly place: string;
  /** Chủ trì — name and title as the minutes print them. */
  readonly chair: string;
  readonly ruleSetId: RuleSetId;
  /** Kind of place this conference is, for the two-place cap (QĐ 96 Điều 1 k3). */
  readonly placeKind: PlaceKind;
  readonly countingMode: CountingMode;
  /** Kế hoạch của đơn vị — the unit's own plan implementing the round's, e.g. "139/KH-SXD ngày 30/8/2023". */
  readonly localPlan: PlanReference | null;
  readonly status: ConferenceStatus;
  readonly sample: boolean;
  readonly createdAt: IsoTimestamp;
  readonly updatedAt: IsoTimestamp;
}
