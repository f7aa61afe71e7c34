// The counts per sheet of a conference, as the minutes print them: the confirmed revision, else the ready count.

import type { Conference, IsoTimestamp } from '../../core/model/index.js';
import { err, ok, type Failure, type Result } from '../../rules/index.js';
import type { Store } from '../../store/index.js';
import {
  countConference,
  type RevisionData,
  type SheetSnapshot,
} from '../conference-day/count-conference.js';
import { fail } from '../errors.js';
import type { SheetCount } from './conference-document.js';

/** A conference whose every sheet is counted. */
export interface CountedConference {
  readonly sheets: readonly SheetCount[];
  /** When the head of the committee confirmed the result; null while it is only ready. */
  readonly confirmedAt: IsoTimestamp | null;
}

function fromSnapshot(snapshot: readonly SheetSnapshot[], voids: ReadonlyMap<string, number>) {
  return snapshot.map((sheet): SheetCount => ({
    sheetId: sheet.sheetId,
    issued: sheet.accounting.issued,
    collected: sheet.accounting.collected,
    // Void whole ballots are known from ballot-by-ballot entry only; hand totals say nothing of them.
    voidBallots: Math.min(voids.get(sheet.sheetId) ?? 0, sheet.accounting.collected),
    persons: sheet.persons.map((p) => ({
      personId: p.personId,
      name: p.fullName,
      position: p.title,
      counts: { high: p.high, confidence: p.confidence, low: p.low, invalid: p.invalid },
    })),
  }));
}

/** Whether a revision's stored data has the snapshot the conference-day server writes (RevisionData). */
function snapshotOf(data: unknown): readonly SheetSnapshot[] | null {
  const snapshot = (data as Partial<RevisionData> | null)?.snapshot;
  return Array.isArray(snapshot) ? snapshot : null;
}

/**
 * The counts the documents print: those of the latest result revision (the head's confirmation, or a
 * correction with its reason) once there is one, else the count as it stands when every sheet is
 * reconciled (issue 4 §4–5, src/server/conference-day/count-conference.ts); before that
 * `result_not_ready` with the first thing still missing.
 */
export async function countedConference(
  store: Store,
  conference: Conference,
): Promise<Result<CountedConference, Failure>> {
  const [count, latest] = await Promise.all([
    countConference(store, conference),
    store.results.latest(conference.id),
  ]);
  const voids = new Map(
    count.sheets.map((s) => [
      s.def.sheetId,
      s.count.reconciliation?.agreed.filter((entry) => entry.void).length ?? 0,
    ]),
  );
  const confirmed = latest === null ? null : snapshotOf(latest.data);
  if (latest !== null && confirmed !== null) {
    return ok({ sheets: fromSnapshot(confirmed, voids), confirmedAt: latest.createdAt });
  }
  if (count.snapshot === null) {
    const first = count.blockers[0];
    return err(
      fail(
        'result_not_ready',
        first === undefined ? 'The conference has nothing to count yet.' : first.message,
      ),
    );
  }
  return ok({
    sheets: fromSnapshot(count.snapshot, voids),
    confirmedAt: latest?.createdAt ?? null,
  });
}
