// From the domain (conference, unit, round, subjects, ballot styles, committee, counts) to the documents' JSON.

import { z } from 'zod';
import type { StyleCount } from '../../core/counting/index.js';
import {
  effectiveDecision,
  formatPlanReference,
  type BallotStyle,
  type Conference,
  type ConferenceSubject,
  type IsoTimestamp,
  type Participant,
  type Person,
  type Round,
  type Unit,
} from '../../core/model/index.js';
import type { ConferenceDocumentData } from '../../documents/index.js';
import { getRuleSet, type RuleSetId } from '../../rules/index.js';

/** The sheet of the ballot that lists every subject voted on (participants without a ballot style). */
export const ALL_SUBJECTS_SHEET = 'all';

const line = z.string().trim().min(1).max(500);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/**
 * What the documents print that the domain does not hold (the office fills it in once per conference);
 * every field has a default taken from the domain, see `conferenceDocumentData`.
 */
export const DOCUMENT_DETAILS = z
  .object({
    issuingBody: z.object({ superior: line.optional(), name: line }).optional(),
    locality: line.optional(),
    /** Opening time "HH:MM" when it differs from the time the conference was opened in the app. */
    time: clock.optional(),
    /** What the unit's own plan is about: "về việc lấy phiếu tín nhiệm đối với …" follows its number. */
    localPlanSubject: line.optional(),
    /** Replaces the derived "Căn cứ" list when given. */
    planReferences: z.array(line).max(20).optional(),
    report: z
      .object({
        number: line.optional(),
        to: line,
        signer: z.object({ onBehalfOf: line.optional(), title: line, name: line }),
        recipients: z.array(line).max(20).default([]),
      })
      .optional(),
  })
  .meta({ id: 'DocumentDetails' });

/** Details of a conference's documents the office fills in. */
export type DocumentDetails = z.infer<typeof DOCUMENT_DETAILS>;

/** A member of the Ban kiểm phiếu as recorded on the day ("Họ tên, chức vụ" in one line is split). */
export interface CommitteeMemberSource {
  readonly fullName: string;
  readonly position?: string;
  readonly isHead: boolean;
}

/** One sheet (the ballots of one style) as counted: core's StyleCount, its sheet and its void ballots. */
export interface SheetCount extends StyleCount {
  /** A ballot style id, or ALL_SUBJECTS_SHEET. */
  readonly sheetId: string;
  /** Ballots invalid as a whole (not issued by the committee, printed name struck out; QĐ 96 Điều 6 k3). */
  readonly voidBallots: number;
}

/** Everything a conference's documents are made from. */
export interface ConferenceDocumentSource {
  readonly conference: Conference;
  readonly unit: Unit;
  /** The unit above, printed as the superior body (null at a root). */
  readonly parentUnit: Unit | null;
  readonly round: Round;
  readonly subjects: readonly ConferenceSubject[];
  readonly persons: readonly Pick<Person, 'id' | 'fullName'>[];
  readonly ballotStyles: readonly BallotStyle[];
  readonly participants: readonly Pick<Participant, 'ballotStyleId' | 'attendance'>[];
  readonly committee: readonly CommitteeMemberSource[];
  /** The counts per sheet once the committee has them; absent before. */
  readonly counts?: readonly SheetCount[] | null;
  /** When the conference was opened (its time on the minutes). */
  readonly openedAt?: IsoTimestamp | null;
  /** When the result was confirmed (the minutes close then). */
  readonly closedAt?: IsoTimestamp | null;
  readonly details?: DocumentDetails | null;
}

/** Vietnam keeps UTC+7 all year. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * The time of day of an instant on the conference's date, or undefined when it fell on another day:
 * the minutes print "hồi … giờ … phút, ngày <conference date>" and "… cùng ngày".
 */
function clockOnDay(at: IsoTimestamp | null | undefined, date: string): string | undefined {
  if (!at) return undefined;
  const local = new Date(Date.parse(at) + VIETNAM_OFFSET_MS).toISOString();
  return local.slice(0, 10) === date ? local.slice(11, 16) : undefined;
}

/** "Hoàng Minh Đức, Phó Bí thư Thành ủy" → name and title; a line without a comma is a name alone. */
export function splitNameAndTitle(value: string): { name: string; position?: string } {
  const text = value.normalize('NFC').trim();
  const at = text.search(/\s*[,–]\s*|\s+-\s+/);
  if (at <= 0) return { name: text };
  const name = text.slice(0, at).trim();
  const position = text
    .slice(at)
    .replace(/^\s*[,–-]\s*/, '')
    .trim();
  return position === '' ? { name } : { name, position };
}

const ADMINISTRATIVE_PREFIX =
  /^(?:ban chấp hành đảng bộ|đảng bộ|đảng ủy|tỉnh ủy|thành ủy|huyện ủy|thị ủy|quận ủy|ủy ban nhân dân|ubnd|hội đồng nhân dân|hđnd)\s+(?:(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn)\s+)?/iu;
const PLACE_WORD = /(?:^|\s)(?:tỉnh|thành phố|huyện|thị xã|quận)\s+(.+)$/iu;

/**
 * The locality on a document's date line ("Móng Cái, ngày …"): the place a unit's name ends with
 * ("Ủy ban nhân dân thành phố Móng Cái" → "Móng Cái", "Sở Xây dựng tỉnh Lạng Sơn" → "Lạng Sơn"),
 * else the name itself.
 */
export function localityOf(unitName: string): string {
  const name = unitName.normalize('NFC').trim();
  const stripped = name.replace(ADMINISTRATIVE_PREFIX, '');
  if (stripped !== name && stripped !== '') return stripped;
  return PLACE_WORD.exec(name)?.[1]?.trim() ?? name;
}

function lowerFirst(value: string): string {
  return value.charAt(0).toLocaleLowerCase('vi') + value.slice(1);
}

/** What each instrument is about, after its citation ("Căn cứ Quy định số 96-QĐ/TW … về …"). */
const INSTRUMENT_SUBJECT: Partial<Record<RuleSetId, string>> = {
  'qd96-2023':
    'về lấy phiếu tín nhiệm đối với chức danh, chức vụ lãnh đạo, quản lý trong hệ thống chính trị',
  'nq96-2023':
    'về việc lấy phiếu tín nhiệm, bỏ phiếu tín nhiệm đối với người giữ chức vụ do Quốc hội, Hội đồng nhân dân bầu hoặc phê chuẩn',
};

/** The "Căn cứ" list: the rule, the round's plan, the unit's own plan. */
export function planReferences(
  ruleSetId: RuleSetId,
  round: Round,
  conference: Conference,
  localPlanSubject?: string,
): string[] {
  const ruleSet = getRuleSet(ruleSetId);
  const subject = INSTRUMENT_SUBJECT[ruleSetId];
  const refs = [subject ? `${ruleSet.instrument} ${subject}` : ruleSet.instrument];
  refs.push(
    `Kế hoạch số ${formatPlanReference(round.plan)} của ${round.plan.issuingBody} về ${lowerFirst(round.title)}`,
  );
  const local = conference.localPlan;
  if (local !== null) {
    const about = localPlanSubject === undefined ? '' : ` ${localPlanSubject}`;
    refs.push(`Kế hoạch số ${formatPlanReference(local)} của ${local.issuingBody}${about}`);
  }
  return refs;
}

/** A ballot style id usable in file names and the documents' schema (lowercase letters, digits, "-"). */
export function documentStyleId(id: string): string {
  if (/^[a-z0-9-]+$/.test(id)) return id;
  const slug = id
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'phieu' : slug;
}

/** One sheet as printed: the style (or the ballot listing every subject) and its subjects in order. */
export interface SheetSubjects {
  readonly sheetId: string;
  readonly title: string;
  readonly subjects: readonly ConferenceSubject[];
}

/**
 * The sheets of a conference, as the counting committee counts them: each ballot style, and the
 * ballot listing every subject voted on when a participant has no style or no style exists.
 */
export function conferenceSheets(
  source: Pick<
    ConferenceDocumentSource,
    'conference' | 'subjects' | 'ballotStyles' | 'participants'
  >,
): SheetSubjects[] {
  const voted = source.subjects
    .filter((s) => effectiveDecision(s) === 'vote')
    .sort((a, b) => a.order - b.order);
  const byId = new Map(voted.map((s) => [s.id, s]));
  const sheets: SheetSubjects[] = source.ballotStyles.map((style) => ({
    sheetId: style.id,
    title: style.name,
    subjects: style.subjectIds.flatMap((id) => byId.get(id) ?? []),
  }));
  const someoneWithout = source.participants.some((p) => p.ballotStyleId === null);
  if (sheets.length === 0 || someoneWithout) {
    const about = /đối với\s+(.+)$/iu.exec(source.conference.title)?.[1];
    sheets.push({
      sheetId: ALL_SUBJECTS_SHEET,
      title: about ?? 'các chức danh được lấy phiếu tín nhiệm',
      subjects: voted,
    });
  }
  return sheets.filter((s) => s.subjects.length > 0);
}

/**
 * The conference as the documents' JSON (src/documents/model.ts): printed ballots need the domain
 * only; minutes, the report and the summary also need `counts` and the committee. Fields the domain
 * does not hold come from `details`, else from the domain: issuing body = the unit under its parent,
 * locality = the place the unit's name ends with, time = when the conference was opened on its day
 * (08:00 when unknown; the minutes close at the confirmation when it is the same day), the "Căn cứ" list = the rule, the round's plan and the unit's plan, the report addressed
 * to the body that issued the round's plan and signed by the chair.
 */
export function conferenceDocumentData(source: ConferenceDocumentSource): ConferenceDocumentData {
  const { conference, unit, parentUnit, round, details } = source;
  const names = new Map(source.persons.map((p) => [p.id, p.fullName]));
  const countsBySheet = new Map((source.counts ?? []).map((c) => [c.sheetId, c]));
  const chair = splitNameAndTitle(conference.chair);
  const issuingBody = details?.issuingBody ?? {
    ...(parentUnit === null ? {} : { superior: parentUnit.name }),
    name: unit.name,
  };
  const present = source.participants.filter((p) => p.attendance === 'present').length;
  const closedAt = clockOnDay(source.closedAt, conference.date);
  const committee = [...source.committee]
    .sort((a, b) => Number(b.isHead) - Number(a.isHead))
    .map((m) => {
      const split = splitNameAndTitle(m.fullName);
      const position = m.position ?? split.position;
      return {
        name: split.name,
        ...(position === undefined ? {} : { position }),
        role: m.isHead ? ('head' as const) : ('member' as const),
      };
    });
  const ballotStyles = conferenceSheets(source).map((sheet) => {
    const counted = countsBySheet.get(sheet.sheetId);
    const countsOf = new Map(counted?.persons.map((p) => [p.personId, p.counts]));
    return {
      id: documentStyleId(sheet.sheetId),
      title: sheet.title,
      ...(counted === undefined
        ? {}
        : {
            ballotsIssued: counted.issued,
            ballotsCollected: counted.collected,
            ballotsValid: counted.collected - counted.voidBallots,
            ballotsInvalid: counted.voidBallots,
          }),
      persons: sheet.subjects.map((subject, index) => {
        const counts = countsOf.get(subject.personId);
        return {
          stt: index + 1,
          name: names.get(subject.personId) ?? subject.personId,
          position: subject.title,
          ...(counts === undefined
            ? {}
            : { high: counts.high, confidence: counts.confidence, low: counts.low }),
        };
      }),
    };
  });
  const report = details?.report ?? {
    to: round.plan.issuingBody,
    signer: { title: 'Chủ trì hội nghị', name: chair.name },
    recipients: [],
  };
  const data: ConferenceDocumentData = {
    sample: conference.sample,
    ruleSet: conference.ruleSetId,
    issuingBody,
    unit: unit.name,
    conference: {
      title: conference.title,
      date: conference.date,
      time: details?.time ?? clockOnDay(source.openedAt, conference.date) ?? '08:00',
      place: conference.place,
      locality: details?.locality ?? localityOf(unit.name),
      chair,
      summoned: source.participants.length,
      present,
      ...(closedAt === undefined ? {} : { closedAt }),
    },
    planReferences:
      details?.planReferences ??
      planReferences(conference.ruleSetId, round, conference, details?.localPlanSubject),
    countingCommittee: committee,
    ballotStyles,
    report,
  };
  return JSON.parse(JSON.stringify(data).normalize('NFC')) as ConferenceDocumentData;
}
