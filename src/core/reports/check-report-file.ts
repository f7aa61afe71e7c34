// Checks an uploaded report before it is stored: size limit and type by content (PDF, DOCX), not by name.

import { err, ok, type Failure, type Result } from '../../rules/index.js';
import { REPORT_MAX_BYTES, type ReportMediaType } from '../model/report.js';

/** Why a report file is refused. */
export type ReportFileFailure = Failure<'file_too_large' | 'file_empty' | 'unsupported_file_type'>;

const DOCX: ReportMediaType =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The media type of an acceptable report: PDF starts with "%PDF-"; DOCX is a ZIP ("PK\x03\x04") whose
 * name ends in .docx. Anything else, an empty file or one over `maxBytes` is refused.
 */
export function checkReportFile(
  fileName: string,
  content: Uint8Array,
  maxBytes: number = REPORT_MAX_BYTES,
): Result<ReportMediaType, ReportFileFailure> {
  if (content.byteLength === 0) {
    return err({ code: 'file_empty', field: 'file', message: 'The report file is empty.' });
  }
  if (content.byteLength > maxBytes) {
    return err({
      code: 'file_too_large',
      field: 'file',
      message: `The report is ${content.byteLength} bytes; the limit is ${maxBytes} bytes.`,
    });
  }
  const starts = (bytes: readonly number[]): boolean => bytes.every((b, i) => content[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return ok('application/pdf');
  if (starts([0x50, 0x4b, 0x03, 0x04]) && /\.docx$/i.test(fileName)) return ok(DOCX);
  return err({
    code: 'unsupported_file_type',
    field: 'file',
    message: 'A report must be a PDF or a DOCX file.',
  });
}
