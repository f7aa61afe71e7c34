// The count of a conference from the store: quorum, each sheet reconciled, and the result by the rules engine.

import {
  computeConferenceResult,
  countReaching,
  countSheet,
  followUpFor,
  isEntryComplete,
  type SheetBlocker,
  type SheetCount,
  type SheetLine,
  type StyleCount,
} from '../../core/counting/index.js';
import type {
  AggregateLine,
  Conference,
  ConferenceStatus,
  SheetAccounting,
  StoredBallotEntry,
} from '../../core/model/index.js';
import { publicSummary } from '../../documents/public-summary.js';
import {
  err,
  getRuleSet,
  ok,
  quorumMet,
  quorumThreshold,
  type Failure,
  type Result,
  type Tally,
} from '../../rules/index.js';
import type { Repositories } from '../../store/index.js';
import type {
  ConferencePhase,
  ConferenceResultDto,
  CountingSheetDto,
  PersonResultDto,
  QuorumStatusDto,
} from '../routes/conference-day-schemas.js';
import { loadSheets, type SheetDef } from './sheets.js';
import { electronicSheets, type ElectronicBlocker } from '../electronic/electronic-sheets.js';

/** The share the conference summary reports ("… đạt từ 90% trở lên tín nhiệm cao và tín nhiệm"). */
export const SUMMARY_SHARE = 90;

/** Quorum under the conference's rule set: ⌈summoned · p / q⌉ present, compared exactly. */
export async function quorumStatus(
  store: Repositories,
  conference: Conference,
): Promise<QuorumStatusDto> {
  const { present, absent, unknown } = await store.participants.attendanceCounts(conference.id);
  const fraction = getRuleSet(conference.ruleSetId).defaults.quorum;
  const summoned = present + absent + unknown;
  return {
    summoned,
    present,
    absent,
    unknown,
    threshold: quorumThreshold(summoned, fraction),
    fraction: { numerator: fraction.numerator, denominator: fraction.denominator },
    met: summoned > 0 && quorumMet(present, summoned, fraction),
  };
}

/** The phase the screens show for a conference status. */
export function phaseOf(status: ConferenceStatus): ConferencePhase {
  switch (status) {
    case 'draft':
    case 'prepared':
      return 'preparing';
    case 'open':
      return 'roll-call';
    case 'counting':
      return 'counting';
    case 'confirmed':
      return 'confirmed';
    case 'published':
      return 'published';
  }
}

/** What one sheet's result is computed from, as a revision keeps it. */
export interface SheetSnapshot {
  readonly sheetId: string;
  readonly name: string;
  readonly accounting: { issued: number; collected: number; spoiledExchanged: number };
  readonly persons: readonly (SheetLine & {
    high: number;
    confidence: number;
    low: number;
    invalid: number;
  })[];
}

/** One sheet with what is stored for it and its reconciliation. */
export interface SheetState {
  readonly def: SheetDef;
  readonly accounting: SheetAccounting | null;
  readonly entries: readonly StoredBallotEntry[];
  readonly aggregate: readonly AggregateLine[] | null;
  readonly count: SheetCount;
}

/** The whole count of a conference as it stands. */
export interface ConferenceCount {
  readonly sheets: readonly SheetState[];
  readonly blockers: readonly (SheetBlocker | ElectronicBlocker)[];
  /** The inputs of the result, when no sheet blocks it. */
  readonly snapshot: readonly SheetSnapshot[] | null;
}

/** Reads and reconciles every sheet. */
export async function countConference(
  store: Repositories,
  conference: Conference,
): Promise<ConferenceCount> {
  const invalidLineVoidsBallot = getRuleSet(conference.ruleSetId).defaults.invalidLineVoidsBallot;
  const [defs, accounting, entries, aggregates] = await Promise.all([
    loadSheets(store, conference),
    store.counting.accounting(conference.id),
    store.counting.entries(conference.id),
    store.counting.aggregates(conference.id),
  ]);
  const sheets = defs.map((def): SheetState => {
    const figures = accounting.find((a) => a.sheetId === def.sheetId) ?? null;
    const mine = entries.filter((e) => e.sheetId === def.sheetId);
    const aggregate = aggregates.get(def.sheetId) ?? null;
    const count = countSheet(
      { sheetId: def.sheetId, lines: def.lines, accounting: figures, entries: mine, aggregate },
      invalidLineVoidsBallot,
    );
    return { def, accounting: figures, entries: mine, aggregate, count };
  });
  // Electronic ballots (issue 7): a blocker until decrypted, then one more sheet per subject.
  const electronic = await electronicSheets(store, conference.id, defs);
  const blockers = [...sheets.flatMap((s) => s.count.blockers), ...electronic.blockers];
  const snapshot =
    blockers.length > 0
      ? null
      : sheets.map((s): SheetSnapshot => {
          const counts = s.count.counts!;
          return {
            sheetId: s.def.sheetId,
            name: s.def.name,
            accounting: {
              issued: s.accounting!.issued,
              collected: s.accounting!.collected,
              spoiledExchanged: s.accounting!.spoiledExchanged,
            },
            persons: s.def.lines.map((line, i) => ({ ...line, ...counts.persons[i]!.counts })),
          };
        });
  if (snapshot !== null) snapshot.push(...electronic.snapshots);
  return { sheets, blockers, snapshot };
}

/** A sheet as the counting screens show it. */
export function sheetDto(sheet: SheetState): CountingSheetDto {
  const lines = sheet.def.lines.length;
  const complete = (slot: 'a' | 'b') =>
    sheet.entries.filter((e) => e.slot === slot && isEntryComplete(e, lines)).length;
  const rec = sheet.count.reconciliation;
  return {
    sheetId: sheet.def.sheetId,
    name: sheet.def.name,
    lines: sheet.def.lines.map((l, index) => ({ index, ...l })),
    accounting: sheet.accounting && {
      issued: sheet.accounting.issued,
      collected: sheet.accounting.collected,
      spoiledExchanged: sheet.accounting.spoiledExchanged,
    },
    mode: sheet.aggregate !== null ? 'aggregate' : sheet.entries.length > 0 ? 'ballots' : null,
    entered: { a: complete('a'), b: complete('b') },
    agreed: rec?.agreed.length ?? 0,
    differences: rec?.differences.length ?? 0,
    complete: sheet.count.blockers.length === 0,
  };
}

/**
 * The result from sheet snapshots by the rules engine (core computeConferenceResult): per person on the
 * rule's base, the band and its meaning, the follow-up it opens, and the conference summary.
 */
export function resultFromSnapshot(
  conference: Conference,
  snapshot: readonly SheetSnapshot[],
  totalMembers: number,
): Result<Pick<ConferenceResultDto, 'ruleSetId' | 'baseKind' | 'persons' | 'summary'>, Failure> {
  const ruleSet = getRuleSet(conference.ruleSetId);
  const styles: StyleCount[] = snapshot.map((sheet) => ({
    issued: sheet.accounting.issued,
    collected: sheet.accounting.collected,
    persons: sheet.persons.map((p) => ({
      personId: p.personId,
      name: p.fullName,
      position: p.title,
      counts: { high: p.high, confidence: p.confidence, low: p.low, invalid: p.invalid },
    })),
  }));
  const computed = computeConferenceResult(ruleSet, styles, { totalMembers });
  if (!computed.ok) return err(computed.error);
  const lineOf = new Map(snapshot.flatMap((s) => s.persons.map((p) => [p.personId, p])));
  const persons: PersonResultDto[] = computed.value.persons.map((p) => {
    const line = lineOf.get(p.personId)!;
    return {
      subjectId: line.subjectId,
      personId: p.personId,
      fullName: line.fullName,
      title: line.title,
      issued: p.issued,
      collected: p.collected,
      base: p.base,
      validLines: p.validLines,
      invalidLines: p.invalidLines,
      high: p.high,
      confidence: p.confidence,
      low: p.low,
      outcome: p.outcome,
      bandMeaning: ruleSet.bandMeanings[p.outcome],
      followUp: followUpFor(p.outcome),
    };
  });
  // One tally per person, each on its own base, for the public text (documents/public-summary.ts).
  const tallies: Tally[] = computed.value.persons.map((p) => ({
    rules: ruleSet.id,
    base: { kind: computed.value.baseKind, value: p.base },
    ballotsIssued: p.issued,
    ballotsCollected: p.collected,
    persons: [p],
  }));
  const text = publicSummary(tallies);
  const reaching = countReaching(computed.value, SUMMARY_SHARE);
  return ok({
    ruleSetId: ruleSet.id,
    baseKind: computed.value.baseKind,
    persons,
    summary: { ...reaching, share: SUMMARY_SHARE, vi: text.vi, en: text.en },
  });
}

/** The draft result while counting: blockers, or the result ready for the head to confirm. */
export async function draftResult(
  store: Repositories,
  conference: Conference,
): Promise<{ dto: ConferenceResultDto; snapshot: readonly SheetSnapshot[] | null }> {
  const count = await countConference(store, conference);
  const ruleSet = getRuleSet(conference.ruleSetId);
  const base: ConferenceResultDto = {
    conferenceId: conference.id,
    ruleSetId: ruleSet.id,
    baseKind: ruleSet.defaults.base,
    state: 'counting',
    revision: null,
    confirmedAt: null,
    blockers: [...count.blockers],
    persons: [],
    summary: null,
  };
  if (count.snapshot === null) return { dto: base, snapshot: null };
  const computed = resultFromSnapshot(
    conference,
    count.snapshot,
    await store.participants.count(conference.id),
  );
  if (!computed.ok) {
    return {
      dto: {
        ...base,
        blockers: [
          {
            code: 'counts_invalid',
            sheetId: '',
            message: `${computed.error.code}: ${computed.error.message}`,
          },
        ],
      },
      snapshot: null,
    };
  }
  return { dto: { ...base, ...computed.value, state: 'ready' }, snapshot: count.snapshot };
}

/** What a revision stores: its inputs and the result computed from them. */
export interface RevisionData {
  readonly snapshot: readonly SheetSnapshot[];
  readonly result: ConferenceResultDto;
}
