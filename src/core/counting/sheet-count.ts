// One sheet (the collected ballots of one style) from what the committee stored to the counts the rules tally.

import { countBallots, type LineCounts, type LineMark } from '../../rules/index.js';
import { checkAggregate } from './aggregate-entry.js';
import type { BallotAccounting } from './ballot-accounting.js';
import { toReading, type BallotEntry } from './ballot-entry.js';
import type { StyleCount } from './conference-result.js';
import { readEntryKey } from './entry-keys.js';
import { reconcile, type Reconciliation } from './reconcile.js';

/** A line of a sheet: the person printed there, in ballot order. */
export interface SheetLine {
  readonly subjectId: string;
  readonly personId: string;
  readonly fullName: string;
  readonly title: string;
}

/** One stored entry: its keys as typed ("1203x"), void or not. */
export interface KeyedEntry {
  readonly ballotNumber: number;
  readonly slot: 'a' | 'b';
  readonly void: boolean;
  readonly marks: string;
}

/** What the committee recorded for one sheet. */
export interface SheetRecord {
  readonly sheetId: string;
  readonly lines: readonly SheetLine[];
  readonly accounting: BallotAccounting | null;
  readonly entries: readonly KeyedEntry[];
  /** Totals per subject when the sheet was counted by hand; null for ballot-by-ballot entry. */
  readonly aggregate: readonly ({ readonly subjectId: string } & LineCounts)[] | null;
}

/** Why a sheet cannot be counted yet. */
export interface SheetBlocker {
  readonly code: 'accounting_missing' | 'entries_missing' | 'entries_differ' | 'aggregate_mismatch';
  readonly sheetId: string;
  readonly message: string;
}

/** A sheet counted: its reconciliation (ballot entry), blockers, and the counts when there are none. */
export interface SheetCount {
  readonly reconciliation: Reconciliation | null;
  readonly blockers: readonly SheetBlocker[];
  readonly counts: StyleCount | null;
}

/** The marks of typed keys, or null when a key is not a line key (1, 2, 3, 0, x). */
export function marksOfKeys(keys: string): LineMark[] | null {
  const marks: LineMark[] = [];
  for (const key of keys) {
    const mark = readEntryKey(key);
    if (mark === null || mark === 'void') return null;
    marks.push(mark);
  }
  return marks;
}

/** Whether an entry is finished: void, or one key for every line. */
export function isEntryComplete(entry: Pick<KeyedEntry, 'void' | 'marks'>, lines: number): boolean {
  return entry.void || entry.marks.length === lines;
}

/** Finished entries of one slot as the reconciler reads them. */
function slotEntries(record: SheetRecord, slot: 'a' | 'b'): BallotEntry[] {
  const out: BallotEntry[] = [];
  for (const e of record.entries) {
    if (e.slot !== slot || !isEntryComplete(e, record.lines.length)) continue;
    out.push({ ballotNumber: e.ballotNumber, void: e.void, marks: marksOfKeys(e.marks) ?? [] });
  }
  return out;
}

/**
 * Reconciles and counts a sheet. Nothing is counted before every collected ballot is entered twice the
 * same way (issue 4 §4), or before an aggregate adds up line by line to the ballots collected (§4).
 */
export function countSheet(record: SheetRecord, invalidLineVoidsBallot = false): SheetCount {
  const { sheetId, lines, accounting } = record;
  if (accounting === null) {
    return {
      reconciliation: null,
      blockers: [
        {
          code: 'accounting_missing',
          sheetId,
          message: `Sheet ${sheetId}: ballots issued and collected are not recorded.`,
        },
      ],
      counts: null,
    };
  }
  const persons = (counts: readonly LineCounts[]): StyleCount => ({
    issued: accounting.issued,
    collected: accounting.collected,
    persons: lines.map((line, i) => ({
      personId: line.personId,
      name: line.fullName,
      position: line.title,
      counts: counts[i] ?? { high: 0, confidence: 0, low: 0, invalid: accounting.collected },
    })),
  });
  if (record.aggregate !== null) {
    const bySubject = new Map(record.aggregate.map((a) => [a.subjectId, a]));
    const ordered = lines.map((line) => ({
      name: line.fullName,
      ...(bySubject.get(line.subjectId) ?? { high: 0, confidence: 0, low: 0, invalid: 0 }),
    }));
    const checked = checkAggregate(accounting.collected, ordered);
    if (!checked.ok) {
      return {
        reconciliation: null,
        blockers: [{ code: 'aggregate_mismatch', sheetId, message: checked.error.message }],
        counts: null,
      };
    }
    return { reconciliation: null, blockers: [], counts: persons(ordered) };
  }
  const reconciliation = reconcile(
    slotEntries(record, 'a'),
    slotEntries(record, 'b'),
    accounting.collected,
  );
  if (!reconciliation.complete) {
    const blockers: SheetBlocker[] = [];
    if (reconciliation.differences.length > 0) {
      blockers.push({
        code: 'entries_differ',
        sheetId,
        message: `Sheet ${sheetId}: ${reconciliation.differences.length} ballot(s) entered differently or only once.`,
      });
    }
    if (reconciliation.missing.length > 0) {
      blockers.push({
        code: 'entries_missing',
        sheetId,
        message: `Sheet ${sheetId}: ${reconciliation.missing.length} collected ballot(s) not entered yet.`,
      });
    }
    return { reconciliation, blockers, counts: null };
  }
  const counts = countBallots(
    reconciliation.agreed.map((entry) =>
      toReading(entry.void ? { ...entry, marks: lines.map(() => 'none' as const) } : entry),
    ),
    lines.length,
    invalidLineVoidsBallot,
  );
  return { reconciliation, blockers: [], counts: persons(counts) };
}
