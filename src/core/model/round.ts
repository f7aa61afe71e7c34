// Đợt lấy phiếu / Kế hoạch — a round of confidence votes set by a plan, over several units.

import type { Deadlines, PlaceKind, RuleSetId } from '../../rules/index.js';
import { formatDateVi, type CalendarDate } from '../../rules/index.js';
import type { Id, IsoTimestamp } from './common.js';

/** Số và ngày của một kế hoạch — a plan document as cited: "277-KH/TU ngày 28/7/2023". */
export interface PlanReference {
  /** Số kế hoạch, e.g. "277-KH/TU" or "139/KH-SXD" (as printed; a bare "274" is kept as is). */
  readonly number: string;
  /** Ngày ban hành; null when the source does not say. */
  readonly date: CalendarDate | null;
  /** Cơ quan ban hành, e.g. "Ban Thường vụ Thành ủy". */
  readonly issuingBody: string;
}

/** Đợt lấy phiếu tín nhiệm — the round a plan sets up. */
export interface Round {
  readonly id: Id;
  /** The plan (kế hoạch) that sets the round up. */
  readonly plan: PlanReference;
  /** Tên đợt, e.g. "Lấy phiếu tín nhiệm giữa nhiệm kỳ 2020–2025". */
  readonly title: string;
  /** Default rule set of the round's conferences. */
  readonly ruleSetId: RuleSetId;
  /** Năm lấy phiếu — the calendar year of the votes (the exclusion rule uses it, rules.md §3.3). */
  readonly year: number;
  /** Đơn vị tham gia — units taking part (each conference belongs to one of them or a unit below). */
  readonly unitIds: readonly Id[];
  /** Days before each conference by which each preparation step is due (defaults PLAN_DEADLINES). */
  readonly deadlines: Deadlines;
  /** Priority of places for the two-place cap (QĐ 96 Điều 1 k3); a plan may set its own order. */
  readonly placePriority: readonly PlaceKind[];
  readonly sample: boolean;
  readonly createdAt: IsoTimestamp;
  readonly updatedAt: IsoTimestamp;
}

/** "277-KH/TU ngày 28/7/2023" — a plan as plans and minutes cite it; the number alone without a date. */
export function formatPlanReference(plan: PlanReference): string {
  return plan.date === null ? plan.number : `${plan.number} ngày ${formatDateVi(plan.date)}`;
}
