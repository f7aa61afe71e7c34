// The authorization resolver over the store: where a unit, round, conference, person or question sits.

import {
  effectiveDecision,
  type Conference,
  type ConferenceStatus,
} from '../../core/model/index.js';
import type { Store } from '../../store/index.js';
import type { Location, ScopeResolver } from './policy.js';

/** Statuses from the conference's start on (counting-committee rights begin, issue 3 §3). */
const STARTED: readonly ConferenceStatus[] = ['open', 'counting', 'confirmed', 'published'];

/** A resolver answering from the store. */
export function storeResolver(store: Store): ScopeResolver {
  const chain = async (unitId: string): Promise<string[]> =>
    (await store.units.ancestors(unitId)).map((u) => u.id);

  const conferenceLocation = async (
    conference: Conference,
    personId?: string,
  ): Promise<Location> => ({
    unitChains: [await chain(conference.unitId)],
    conferenceId: conference.id,
    conferenceStarted: STARTED.includes(conference.status),
    conference,
    ...(personId === undefined ? {} : { personId }),
  });

  return {
    async locate(kind, ids) {
      const [id = '', second] = ids;
      switch (kind) {
        case 'unit': {
          const units = await chain(id);
          return units.length === 0 ? null : { unitChains: [units] };
        }
        case 'round': {
          const round = await store.rounds.get(id);
          if (round === null) return null;
          return { unitChains: await Promise.all(round.unitIds.map(chain)) };
        }
        case 'conference': {
          const conference = await store.conferences.get(id);
          return conference === null ? null : conferenceLocation(conference);
        }
        case 'person': {
          const person = await store.persons.get(id);
          if (person === null) return null;
          const holdings = await store.positions.listByPerson(id);
          const unitIds = [...new Set(holdings.map((h) => h.unitId))];
          return { unitChains: await Promise.all(unitIds.map(chain)), personId: id };
        }
        case 'subject': {
          // A person voted on at a conference: the conference must list the person as a subject to vote on.
          if (second === undefined) return null;
          const conference = await store.conferences.get(id);
          if (conference === null) return null;
          const subjects = await store.subjects.list(id);
          const voted = subjects.some(
            (s) => s.personId === second && effectiveDecision(s) === 'vote',
          );
          return voted ? conferenceLocation(conference, second) : null;
        }
        case 'participant': {
          const participant = await store.participants.get(id);
          if (participant === null) return null;
          const conference = await store.conferences.get(participant.conferenceId);
          return conference === null ? null : conferenceLocation(conference);
        }
        case 'question': {
          const question = await store.questions.get(id);
          if (question === null) return null;
          const conference = await store.conferences.get(question.conferenceId);
          return conference === null ? null : conferenceLocation(conference, question.personId);
        }
      }
    },
    votesOn: (participantId, personId) => store.participants.votesOn(participantId, personId),
  };
}
