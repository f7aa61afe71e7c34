// Gathers what core's proposeSubjects needs for one conference, runs it, and saves the proposals.

import { ok } from '../../rules/index.js';
import type { Actor, ConferenceSubject, Id } from '../../core/model/index.js';
import { proposeSubjects } from '../../core/subjects/propose-subjects.js';
import { notFound } from '../repos/failures.js';
import type { Repositories, StoreResult } from '../store.js';

/**
 * Proposes who the conference votes on and who it excludes (with the rule set's reasons), looking at
 * the round's other conferences for the two-place cap, and stores the proposals; decisions already
 * taken are kept (SubjectRepository.saveProposals). Run it inside `store.transaction` for one snapshot.
 */
export async function proposeConferenceSubjects(
  store: Repositories,
  actor: Actor,
  conferenceId: Id,
): Promise<StoreResult<ConferenceSubject[]>> {
  const conference = await store.conferences.get(conferenceId);
  if (!conference) return notFound('conference', conferenceId);
  const round = await store.rounds.get(conference.roundId);
  if (!round) return notFound('round', conference.roundId);
  const roundConferences = await store.conferences.list({ roundId: round.id });
  const here = await store.positions.listByUnits([conference.unitId], { heldOn: conference.date });
  const personIds = [...new Set(here.map((h) => h.personId))];
  const holdings = (
    await Promise.all(personIds.map((id) => store.positions.listByPerson(id)))
  ).flat();
  const proposals = proposeSubjects({
    conference,
    roundPlaces: roundConferences.map((c) => ({
      conferenceId: c.id,
      unitId: c.unitId,
      kind: c.placeKind,
    })),
    placePriority: round.placePriority,
    holdings,
  });
  const saved = await store.subjects.saveProposals(actor, conferenceId, proposals);
  return saved.ok ? ok(saved.value) : saved;
}
