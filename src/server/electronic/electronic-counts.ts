// The seam to the conference result: electronic counts per subject from the record's `result` event
// (spec §10.2), to be added to the paper counts. Persons in the manifest are subject ids.

import type { ResultBody } from '../../core/election-record/record-types.js';
import type { Repositories } from '../../store/index.js';

/** One subject's electronic counts; `counted` = ballots cast whose style lists the subject. */
export interface ElectronicPersonCounts {
  readonly subjectId: string;
  readonly counted: number;
  readonly high: number;
  readonly confidence: number;
  readonly low: number;
  readonly invalid: number;
}

/**
 * The decrypted electronic counts of the conference, or null when there is no decrypted electronic
 * vote. Each subject may be handed to the rules engine as one more ballot style (core
 * computeConferenceResult adds styles per person) with issued = collected = counted.
 */
export async function electronicCounts(
  store: Repositories,
  conferenceId: string,
): Promise<ElectronicPersonCounts[] | null> {
  const election = await store.elections.get(conferenceId);
  if (election?.status !== 'decrypted') return null;
  const [event] = await store.elections.events(conferenceId, ['result']);
  if (!event) return null;
  return (event.body as ResultBody).persons.map((p) => ({
    subjectId: p.person,
    counted: p.counted,
    high: p.high,
    confidence: p.confidence,
    low: p.low,
    invalid: p.invalid,
  }));
}
