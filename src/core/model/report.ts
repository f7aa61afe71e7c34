// Báo cáo tự kiểm điểm — the report a person voted on uploads before the conference.

import type { Id, IsoTimestamp } from './common.js';

/** The file types a report may be (PDF, DOCX). */
export type ReportMediaType =
  'application/pdf' | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Largest report accepted: 20 MiB. */
export const REPORT_MAX_BYTES = 20 * 1024 * 1024;

/** Metadata of an uploaded report; the bytes are read with `store.reports.content(id)`. */
export interface Report {
  readonly id: Id;
  readonly conferenceId: Id;
  /** The person voted on whose report this is. */
  readonly personId: Id;
  readonly fileName: string;
  readonly mediaType: ReportMediaType;
  readonly sizeBytes: number;
  /** SHA-256 of the content, hex. */
  readonly sha256: string;
  readonly uploadedBy: Id | null;
  readonly uploadedAt: IsoTimestamp;
}
