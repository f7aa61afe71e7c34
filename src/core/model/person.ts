// Người giữ chức vụ — a person, and the positions (chức danh, chức vụ) the person holds in units.

import type { CalendarDate, PlaceKind } from '../../rules/index.js';
import type { Id, IsoTimestamp } from './common.js';

/** Cán bộ — a person who holds or held positions. */
export interface Person {
  readonly id: Id;
  /** Mã cán bộ — optional unique code that imports match on. */
  readonly code: string | null;
  /** Họ và tên, NFC, e.g. "Nguyễn Thu Hương". */
  readonly fullName: string;
  readonly gender: 'male' | 'female' | null;
  readonly birthYear: number | null;
  readonly sample: boolean;
  readonly createdAt: IsoTimestamp;
  readonly updatedAt: IsoTimestamp;
}

/** Chức danh, chức vụ — a person holding a position in a unit from a date. */
export interface PositionHolding {
  readonly id: Id;
  readonly personId: Id;
  /** The unit whose conference votes on this position. */
  readonly unitId: Id;
  /** Chức danh as printed on a ballot, e.g. "Phó Chủ tịch UBND huyện". */
  readonly title: string;
  /** Ngày nhận chức (bổ nhiệm, bầu) — the exclusion "trong năm lấy phiếu" reads its year. */
  readonly startDate: CalendarDate;
  /** Ngày thôi giữ chức; null while held. */
  readonly endDate: CalendarDate | null;
  /** Kind of place votes on this position count as, for the two-place cap (rules.md §3.2). */
  readonly placeKind: PlaceKind;
  /** Đã có thông báo nghỉ công tác chờ nghỉ hưu (QĐ 96, NQ 96/2023 Điều 2 k5). */
  readonly retirementNotified: boolean;
  /** Nghỉ điều trị bệnh hiểm nghèo từ ngày … (NQ 96/2023 Điều 2 k5); null if not. */
  readonly illnessLeaveSince: CalendarDate | null;
  /** Order on lists and ballots (lower first: Bí thư before Phó Bí thư …). */
  readonly rank: number;
  readonly sample: boolean;
  readonly createdAt: IsoTimestamp;
  readonly updatedAt: IsoTimestamp;
}

/** Whether a holding is in force on a date (started on or before it, not ended before it). */
export function isHeldOn(holding: PositionHolding, date: CalendarDate): boolean {
  return holding.startDate <= date && (holding.endDate === null || holding.endDate >= date);
}
