// Electronic ballots in the conference count (issue 7 §5): once decrypted, each subject's electronic
// counts are one more sheet of the result, added to the paper sheets per person by the rules engine
// (computeConferenceResult sums styles per person); before that, an open election blocks the result.

import type { Repositories } from '../../store/index.js';
import type { SheetSnapshot } from '../conference-day/count-conference.js';
import type { SheetDef } from '../conference-day/sheets.js';
import { electronicCounts } from './electronic-counts.js';

/** Prefix of the sheet id of a subject's electronic counts. */
export const ELECTRONIC_SHEET_PREFIX = 'electronic:';

/** The result waits for the electronic vote to be decrypted. */
export interface ElectronicBlocker {
  readonly code: 'electronic_pending';
  readonly sheetId: string;
  readonly message: string;
}

/** Name of the electronic sheets in the result. */
export const ELECTRONIC_SHEET_NAME = 'Bỏ phiếu điện tử';

/**
 * The electronic part of the count: none without an election; a blocker while it is not decrypted;
 * else one snapshot per subject with issued = collected = ballots counted for that subject.
 */
export async function electronicSheets(
  store: Repositories,
  conferenceId: string,
  defs: readonly SheetDef[],
): Promise<{
  blockers: ElectronicBlocker[];
  snapshots: SheetSnapshot[];
}> {
  const election = await store.elections.get(conferenceId);
  if (election === null) return { blockers: [], snapshots: [] };
  const counts = await electronicCounts(store, conferenceId);
  if (counts === null)
    return {
      blockers: [
        {
          code: 'electronic_pending',
          sheetId: ELECTRONIC_SHEET_PREFIX,
          message: `The electronic vote is ${election.status}, not decrypted yet.`,
        },
      ],
      snapshots: [],
    };
  const lines = new Map(defs.flatMap((d) => d.lines.map((l) => [l.subjectId, l])));
  return {
    blockers: [],
    snapshots: counts.flatMap((c) => {
      const line = lines.get(c.subjectId);
      if (!line || c.counted === 0) return [];
      return [
        {
          sheetId: `${ELECTRONIC_SHEET_PREFIX}${c.subjectId}`,
          name: ELECTRONIC_SHEET_NAME,
          accounting: { issued: c.counted, collected: c.counted, spoiledExchanged: 0 },
          persons: [
            { ...line, high: c.high, confidence: c.confidence, low: c.low, invalid: c.invalid },
          ],
        },
      ];
    }),
  };
}
