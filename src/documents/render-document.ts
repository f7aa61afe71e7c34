// One entry for every document: kind + format + the exported JSON → bytes, or a failure naming the field.

import type { Failure, Result } from '../rules/index.js';
import { renderAggregatePdf } from './aggregate-pdf.js';
import { renderAggregateXlsx } from './aggregate-xlsx.js';
import { renderBallotPdf } from './ballot-pdf.js';
import { countConference } from './conference-result.js';
import { minutesDocument } from './minutes-document.js';
import { parseConferenceDocument, parseRoundAggregate } from './model.js';
import { publicSummary } from './public-summary.js';
import { reportDocument } from './report-document.js';
import { countRound } from './round-result.js';
import { renderWrittenDocumentDocx } from './written-document-docx.js';
import { renderWrittenDocumentPdf } from './written-document-pdf.js';

/** The documents a conference or a round produces. */
export type DocumentKind = 'ballot' | 'minutes' | 'report' | 'aggregate' | 'summary';
/** File formats. */
export type DocumentFormat = 'pdf' | 'docx' | 'xlsx' | 'txt';

/** The formats of each kind, the default first. */
export const DOCUMENT_FORMATS: Readonly<Record<DocumentKind, readonly DocumentFormat[]>> = {
  ballot: ['pdf'],
  minutes: ['pdf', 'docx'],
  report: ['pdf', 'docx'],
  aggregate: ['xlsx', 'pdf'],
  summary: ['txt'],
};

/** Media types, for downloads. */
export const MEDIA_TYPES: Readonly<Record<DocumentFormat, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain; charset=utf-8',
};

/** A rendered document. */
export interface RenderedDocument {
  readonly format: DocumentFormat;
  readonly mediaType: string;
  readonly bytes: Buffer;
}

/** Options beyond kind and format. */
export interface RenderOptions {
  readonly format?: DocumentFormat;
  /** Ballots: copies of each style (default 1). */
  readonly copies?: number;
  /** Ballots: only these styles (default all). */
  readonly styleIds?: readonly string[];
}

/**
 * Renders one document from the exported JSON text: a conference (ballot, minutes, report,
 * summary) or a round (aggregate). Input problems come back as failures with the field's path.
 */
export async function renderDocumentFromJson(
  kind: DocumentKind,
  json: string,
  options: RenderOptions = {},
): Promise<Result<RenderedDocument, Failure>> {
  const formats = DOCUMENT_FORMATS[kind];
  const format = options.format ?? formats[0] ?? 'pdf';
  if (!formats.includes(format)) {
    return failure(
      'unsupported_format',
      'format',
      `${kind} is made as ${formats.join(' or ')}, not ${format}.`,
    );
  }
  const done = (bytes: Buffer): Result<RenderedDocument, Failure> => ({
    ok: true,
    value: { format, mediaType: MEDIA_TYPES[format], bytes },
  });
  if (kind === 'aggregate') {
    const parsed = parseRoundAggregate(json);
    if (!parsed.ok) return parsed;
    const counted = countRound(parsed.value);
    if (!counted.ok) return counted;
    return done(
      format === 'pdf'
        ? await renderAggregatePdf(counted.value)
        : await renderAggregateXlsx(counted.value),
    );
  }
  const parsed = parseConferenceDocument(json);
  if (!parsed.ok) return parsed;
  if (kind === 'ballot') {
    const copies = options.copies ?? 1;
    if (!Number.isSafeInteger(copies) || copies < 1 || copies > 10_000) {
      return failure(
        'invalid_copies',
        'copies',
        `copies must be a whole number from 1 to 10000, got ${copies}.`,
      );
    }
    const known = new Set(parsed.value.ballotStyles.map((s) => s.id));
    const unknown = options.styleIds?.find((id) => !known.has(id));
    if (unknown !== undefined) {
      return failure(
        'unknown_ballot_style',
        'style',
        `No ballot style "${unknown}"; the input has ${[...known].join(', ')}.`,
      );
    }
    return done(
      await renderBallotPdf(parsed.value, {
        copies,
        ...(options.styleIds ? { styleIds: options.styleIds } : {}),
      }),
    );
  }
  const counted = countConference(parsed.value);
  if (!counted.ok) return counted;
  if (kind === 'summary') {
    const summary = publicSummary(counted.value.styles.map((s) => s.tally));
    return done(Buffer.from(`${summary.vi}\n\n${summary.en}\n`, 'utf8'));
  }
  const written =
    kind === 'minutes' ? minutesDocument(counted.value) : reportDocument(counted.value);
  return done(
    format === 'docx'
      ? await renderWrittenDocumentDocx(written)
      : await renderWrittenDocumentPdf(written),
  );
}

function failure(code: string, field: string, message: string): { ok: false; error: Failure } {
  return { ok: false, error: { code, field, message } };
}
