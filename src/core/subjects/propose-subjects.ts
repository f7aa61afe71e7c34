// Who a conference votes on and who it excludes, with the rule set's reasons (rules.md §3.2, §4.2).

import {
  choosePlaces,
  DEFAULT_PLACE_PRIORITY,
  findExclusions,
  getRuleSet,
  type CalendarDate,
  type CandidatePlace,
  type Exclusion,
  type PlaceKind,
  type RuleSetId,
} from '../../rules/index.js';
import type { Id } from '../model/common.js';
import type { SubjectDecision } from '../model/conference-subject.js';
import { isHeldOn, type PositionHolding } from '../model/person.js';

/** A proposed line of the conference: a person, the positions it covers, vote or exclude and why. */
export interface SubjectProposal {
  readonly personId: Id;
  readonly positionHoldingIds: readonly Id[];
  /** Chức vụ as printed: the covered titles joined with ", ". */
  readonly title: string;
  /** Ballot order, from 1 (by rank of the first position, then title). */
  readonly order: number;
  readonly proposal: SubjectDecision;
  readonly exclusions: readonly Exclusion[];
}

/** The conference as the proposal needs it. */
export interface ProposalConference {
  readonly id: Id;
  readonly unitId: Id;
  readonly date: CalendarDate;
  readonly ruleSetId: RuleSetId;
}

/** Another conference of the same round where a person could be voted on. */
export interface RoundPlace {
  readonly conferenceId: Id;
  readonly unitId: Id;
  readonly kind: PlaceKind;
}

/** Everything the proposal reads; the store gathers it. */
export interface ProposalInput {
  readonly conference: ProposalConference;
  /** Every conference of the round, this one included, with its place kind. */
  readonly roundPlaces: readonly RoundPlace[];
  /** Priority of places (the round's plan), default DEFAULT_PLACE_PRIORITY. */
  readonly placePriority?: readonly PlaceKind[];
  /** Holdings of the persons concerned, in every unit (the cap looks at other units too). */
  readonly holdings: readonly PositionHolding[];
}

/**
 * Proposes the conference's subjects:
 * - every position held on the conference date in the conference's unit is voted on;
 * - under a rule with `severalPositionsVotedOnce` (NQ 96/2023 Điều 2) a person's positions here form
 *   one line; otherwise each position is a line of its own;
 * - exclusions come from the rule set's `exclusionReasons`, in its order; the two-place cap keeps at
 *   most `maxPlaces` of the round's places where the person holds a position, by the plan's priority
 *   (QĐ 96 Điều 1 k3), and excludes the person here if this conference is among the dropped places.
 */
export function proposeSubjects(input: ProposalInput): SubjectProposal[] {
  const { conference } = input;
  const ruleSet = getRuleSet(conference.ruleSetId);
  const priority = input.placePriority ?? DEFAULT_PLACE_PRIORITY;
  const held = input.holdings.filter((h) => isHeldOn(h, conference.date));
  const here = held
    .filter((h) => h.unitId === conference.unitId)
    .sort((a, b) => a.rank - b.rank || compareText(a.title, b.title) || compareText(a.id, b.id));

  const groups: PositionHolding[][] = [];
  if (ruleSet.severalPositionsVotedOnce) {
    const byPerson = new Map<Id, PositionHolding[]>();
    for (const h of here) {
      const list = byPerson.get(h.personId);
      if (list) list.push(h);
      else byPerson.set(h.personId, [h]);
    }
    groups.push(...byPerson.values());
  } else {
    groups.push(...here.map((h) => [h]));
  }

  return groups.map((group, index) => {
    const personId = group[0]!.personId;
    const placesCapReached = capDropsThisConference(
      personId,
      held,
      input.roundPlaces,
      conference.id,
      ruleSet.defaults.maxPlaces,
      priority,
    );
    const exclusions = findExclusions(
      ruleSet.exclusionReasons,
      {
        retirementNotified: group.some((h) => h.retirementNotified),
        positionStartDates: group.map((h) => h.startDate),
        illnessLeaveSince: earliest(group.map((h) => h.illnessLeaveSince)),
        placesCapReached,
      },
      conference.date,
    );
    return {
      personId,
      positionHoldingIds: group.map((h) => h.id),
      title: group.map((h) => h.title).join(', '),
      order: index + 1,
      proposal: exclusions.length > 0 ? 'exclude' : 'vote',
      exclusions,
    };
  });
}

/** Whether the two-place cap drops this conference for the person (choosePlaces, rules.md §3.2). */
function capDropsThisConference(
  personId: Id,
  held: readonly PositionHolding[],
  roundPlaces: readonly RoundPlace[],
  conferenceId: Id,
  maxPlaces: number | null,
  priority: readonly PlaceKind[],
): boolean {
  if (maxPlaces === null) return false;
  const units = new Set(held.filter((h) => h.personId === personId).map((h) => h.unitId));
  const candidates: CandidatePlace[] = roundPlaces
    .filter((p) => units.has(p.unitId))
    .map((p) => ({ conferenceId: p.conferenceId, kind: p.kind }));
  const { dropped } = choosePlaces(candidates, maxPlaces, priority);
  return dropped.some((p) => p.conferenceId === conferenceId);
}

function earliest(dates: readonly (CalendarDate | null)[]): CalendarDate | null {
  let found: CalendarDate | null = null;
  for (const d of dates) if (d !== null && (found === null || d < found)) found = d;
  return found;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
