// Người được triệu tập — a person summoned to the conference (a voter when present), and their ballot style.

import type { Id, IsoTimestamp } from './common.js';

/** Điểm danh — attendance, recorded on the day (issue 4). */
export type Attendance = 'unknown' | 'present' | 'absent';

/** Người được triệu tập (thành phần ghi phiếu). */
export interface Participant {
  readonly id: Id;
  readonly conferenceId: Id;
  /** Họ và tên. */
  readonly fullName: string;
  /** Đơn vị công tác, as printed on the list. */
  readonly unitName: string;
  /** Chức vụ. */
  readonly position: string;
  /** Mẫu phiếu — which subjects this participant votes on; null = every subject voted on. */
  readonly ballotStyleId: Id | null;
  /** The person record, when the participant is also a person in the register. */
  readonly personId: Id | null;
  /** Order on the list (1-based). */
  readonly order: number;
  readonly attendance: Attendance;
  readonly attendanceAt: IsoTimestamp | null;
  readonly sample: boolean;
  readonly createdAt: IsoTimestamp;
  readonly updatedAt: IsoTimestamp;
}

/** Mẫu phiếu — a ballot style: the subjects one group of participants votes on. */
export interface BallotStyle {
  readonly id: Id;
  readonly conferenceId: Id;
  /** Tên mẫu phiếu, e.g. "Phiếu số 1 — Ban Thường vụ". */
  readonly name: string;
  /** Conference subject ids printed on this ballot, in ballot order. */
  readonly subjectIds: readonly Id[];
  readonly createdAt: IsoTimestamp;
  readonly updatedAt: IsoTimestamp;
}
