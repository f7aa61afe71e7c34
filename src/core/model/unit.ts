// Đơn vị — a unit of the organisation tree (party committee, People's Council, department, school …).

import type { Id, IsoTimestamp } from './common.js';

/** What kind of body a unit is; decides the default place kind of the votes held there. */
export type UnitKind =
  | 'party-committee'
  | 'peoples-council'
  | 'peoples-committee'
  | 'agency'
  | 'school'
  | 'police'
  | 'military'
  | 'other';

/** Every unit kind. */
export const UNIT_KINDS: readonly UnitKind[] = [
  'party-committee',
  'peoples-council',
  'peoples-committee',
  'agency',
  'school',
  'police',
  'military',
  'other',
];

/** Đơn vị — one node of the organisation tree; `code` is unique and is what imports refer to. */
export interface Unit {
  readonly id: Id;
  /** Mã đơn vị — unique, used by imports ("parent code"). */
  readonly code: string;
  /** Tên đơn vị, e.g. "Ban Chấp hành Đảng bộ tỉnh Lạng Sơn". */
  readonly name: string;
  /** Đơn vị cấp trên; null at a root. */
  readonly parentId: Id | null;
  readonly kind: UnitKind;
  /** Dữ liệu mẫu — loaded by `tinnhiem demo`. */
  readonly sample: boolean;
  readonly createdAt: IsoTimestamp;
  readonly updatedAt: IsoTimestamp;
}

/** A unit with the units directly below it, recursively. */
export interface UnitTreeNode {
  readonly unit: Unit;
  readonly children: readonly UnitTreeNode[];
}
