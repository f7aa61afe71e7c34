// The input of every document: a conference or a round exported as JSON, validated with zod, in NFC.

import { z } from 'zod';
import { isCalendarDate, isRuleSetId } from '../rules/index.js';
import { normalizeDeep } from './vietnamese-text.js';

const text = z.string().trim().min(1, 'expected a non-empty text');
const count = z.number().int('expected a whole number').min(0, 'expected a non-negative number');
const ruleSetId = z
  .string()
  .refine(isRuleSetId, 'expected one of qd96-2023, nq96-2023, nq85-2014, nq35-2012');
const calendarDate = z.string().refine(isCalendarDate, 'expected a calendar date "YYYY-MM-DD"');
const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time of day "HH:MM" (24 hours)');

/** Cơ quan ban hành — the two lines printed top left: the superior body and the issuing body. */
const issuingBodySchema = z.object({
  /** "ĐẢNG BỘ TỈNH QUẢNG NINH" or "UBND TỈNH QUẢNG NINH". */
  superior: text.optional(),
  /** "THÀNH ỦY MÓNG CÁI" or "UBND THÀNH PHỐ MÓNG CÁI". */
  name: text,
});

const namedPersonSchema = z.object({ name: text, position: text.optional() });

/** A person on a ballot; the three counts come after the count (absent on a ballot printed before). */
const ballotPersonSchema = z.object({
  /** Số thứ tự printed on the ballot; defaults to the place in the list. */
  stt: z.number().int().min(1).optional(),
  name: text,
  position: text,
  high: count.optional(),
  confidence: count.optional(),
  low: count.optional(),
});

/** One ballot style (mẫu phiếu): the persons printed on it and, after the count, its figures. */
const ballotStyleSchema = z.object({
  /** Short id for file names and the CLI ("pct-ubnd"). */
  id: z.string().regex(/^[a-z0-9-]+$/, 'expected lowercase letters, digits and "-"'),
  /** What the ballot is for: "Phó Chủ tịch UBND thành phố". */
  title: text,
  ballotsIssued: count.optional(),
  ballotsCollected: count.optional(),
  /** Ballots with no defect of their own (per-line validity: rules.md §3.6). */
  ballotsValid: count.optional(),
  ballotsInvalid: count.optional(),
  /** Tổng số đại biểu, needed by the legacy rule sets (base = total members, rules.md §6.1). */
  totalMembers: count.optional(),
  persons: z.array(ballotPersonSchema).min(1, 'expected at least one person'),
});

const committeeMemberSchema = z.object({
  name: text,
  position: text.optional(),
  role: z.enum(['head', 'member']),
});

/** What the report to the competent authority needs beyond the minutes. */
const reportSchema = z.object({
  /** Số và ký hiệu: "15-BC/TU"; blank space is left when absent. */
  number: text.optional(),
  /** Kính gửi: "Ban Thường vụ Tỉnh ủy Quảng Ninh". */
  to: text,
  /** Who signs: "T/M BAN THƯỜNG VỤ" over "BÍ THƯ", and the name. */
  signer: z.object({ onBehalfOf: text.optional(), title: text, name: text }),
  /** Nơi nhận beyond "Như trên" and "Lưu". */
  recipients: z.array(text).default([]),
});

/** The JSON schema of a conference's documents ("tinnhiem documents --input conference.json"). */
export const conferenceDocumentSchema = z.object({
  /** Marks made-up data; every page then says "DỮ LIỆU MẪU". */
  sample: z.boolean().default(false),
  ruleSet: ruleSetId,
  issuingBody: issuingBodySchema,
  /** The unit where the vote is held: "Ủy ban nhân dân thành phố Móng Cái". */
  unit: text,
  conference: z.object({
    /** "Hội nghị lấy phiếu tín nhiệm đối với chức danh Phó Chủ tịch UBND thành phố". */
    title: text,
    date: calendarDate,
    time: clockTime,
    /** Where in the building: "Hội trường UBND thành phố". */
    place: text,
    /** The locality on the date line: "Móng Cái, ngày 29 tháng 9 năm 2023". */
    locality: text,
    chair: namedPersonSchema,
    summoned: count.optional(),
    present: count.optional(),
    /** When the minutes were closed, "HH:MM"; a blank is left when absent. */
    closedAt: clockTime.optional(),
  }),
  /** Căn cứ: the rule and the plans, as cited ("Kế hoạch số 274-KH/TU ngày … của …"). */
  planReferences: z.array(text).default([]),
  countingCommittee: z
    .array(committeeMemberSchema)
    .min(1, 'expected the counting committee')
    .refine((members) => members.filter((m) => m.role === 'head').length === 1, {
      message: 'expected exactly one member with role "head" (Trưởng Ban kiểm phiếu)',
    }),
  ballotStyles: z.array(ballotStyleSchema).min(1, 'expected at least one ballot style'),
  report: reportSchema.optional(),
});

/** A conference exported as JSON: everything its ballots, minutes, report and summary print. */
export type ConferenceDocumentData = z.infer<typeof conferenceDocumentSchema>;
/** One ballot style of a conference. */
export type BallotStyleData = ConferenceDocumentData['ballotStyles'][number];
/** A person on a ballot style. */
export type BallotPersonData = BallotStyleData['persons'][number];
/** A member of the Ban kiểm phiếu. */
export type CommitteeMemberData = ConferenceDocumentData['countingCommittee'][number];
/** The two lines of the issuing body. */
export type IssuingBodyData = ConferenceDocumentData['issuingBody'];

const unitResultSchema = z.object({
  name: text,
  conferenceDate: calendarDate.optional(),
  ballotsIssued: count,
  ballotsCollected: count,
  totalMembers: count.optional(),
  persons: z
    .array(z.object({ name: text, position: text, high: count, confidence: count, low: count }))
    .min(1, 'expected at least one person'),
});

/** The JSON schema of a round's aggregate across units ("tinnhiem documents aggregate"). */
export const roundAggregateSchema = z.object({
  sample: z.boolean().default(false),
  ruleSet: ruleSetId,
  issuingBody: issuingBodySchema,
  /** "Kết quả lấy phiếu tín nhiệm năm 2023 đối với cán bộ diện Ban Thường vụ Thành ủy quản lý". */
  title: text,
  date: calendarDate,
  locality: text,
  units: z.array(unitResultSchema),
  /** Units whose conference has not reported yet. */
  unitsNotReported: z.array(text).default([]),
});

/** A round's results across units. */
export type RoundAggregateData = z.infer<typeof roundAggregateSchema>;
/** One unit's reported result in a round. */
export type UnitResultData = RoundAggregateData['units'][number];

/** A validation failure naming the field ("ballotStyles[0].persons[2].name"). */
export interface InputFailure {
  readonly code: 'invalid_json' | 'invalid_input';
  readonly field: string;
  readonly message: string;
}

/** Parses a conference's JSON text; strings come back in NFC. */
export function parseConferenceDocument(
  json: string,
): { ok: true; value: ConferenceDocumentData } | { ok: false; error: InputFailure } {
  return parseWith(conferenceDocumentSchema, json);
}

/** Parses a round aggregate's JSON text; strings come back in NFC. */
export function parseRoundAggregate(
  json: string,
): { ok: true; value: RoundAggregateData } | { ok: false; error: InputFailure } {
  return parseWith(roundAggregateSchema, json);
}

function parseWith<S extends z.ZodType>(
  schema: S,
  json: string,
): { ok: true; value: z.infer<S> } | { ok: false; error: InputFailure } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (cause) {
    return {
      ok: false,
      error: {
        code: 'invalid_json',
        field: '',
        message: `Input is not valid JSON: ${(cause as Error).message}.`,
      },
    };
  }
  // NFC first, so a decomposed "ệ" is checked and printed as the one precomposed letter.
  const parsed = schema.safeParse(normalizeDeep(raw));
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue ? fieldPath(issue.path) : '';
  return {
    ok: false,
    error: {
      code: 'invalid_input',
      field,
      message: `${field || 'input'}: ${issue?.message ?? 'invalid'}.`,
    },
  };
}

/** Writes a zod path as "a.b[2].c". */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`,
    )
    .join('');
}
