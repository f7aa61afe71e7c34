// Which conferences of a round below a unit reported their result to the competent authority, with their counts.

import { computeConferenceResult } from '../../core/counting/index.js';
import type { Round } from '../../core/model/index.js';
import { getRuleSet } from '../../rules/index.js';
import type { Store } from '../../store/index.js';
import { countedConference } from './conference-counts.js';
import type { ReportedConference } from './round-aggregate.js';

/** Reported conferences and the names of the units not reported yet. */
export interface RoundReports {
  readonly reported: ReportedConference[];
  readonly notReported: string[];
}

/**
 * A conference counts as reported when its result is published at scope "authority" or "public"
 * (issue 4 §7). Units are those of the round at or below `scopeUnitId`, and the units of its
 * conferences there; a unit without a reported conference is listed as not reported.
 */
export async function reportedConferences(
  store: Store,
  round: Round,
  scopeUnitId: string,
): Promise<RoundReports> {
  const below = new Set([scopeUnitId, ...(await store.units.descendantIds(scopeUnitId))]);
  const conferences = (await store.conferences.list({ roundId: round.id })).filter((c) =>
    below.has(c.unitId),
  );
  const unitIds = [
    ...new Set([
      ...round.unitIds.filter((id) => below.has(id)),
      ...conferences.map((c) => c.unitId),
    ]),
  ];
  const reportedUnits = new Set<string>();
  const reported: ReportedConference[] = [];
  for (const conference of [...conferences].sort((a, b) => a.date.localeCompare(b.date))) {
    const publication = await store.results.publication(conference.id);
    if (publication === null || publication.scope === 'conference') continue;
    const counted = await countedConference(store, conference);
    if (!counted.ok) continue;
    const result = computeConferenceResult(getRuleSet(conference.ruleSetId), counted.value.sheets);
    if (!result.ok) continue;
    const unit = await store.units.get(conference.unitId);
    const names = new Map(
      (await Promise.all(result.value.persons.map((p) => store.persons.get(p.personId)))).flatMap(
        (p) => (p === null ? [] : [[p.id, p.fullName] as const]),
      ),
    );
    reported.push({
      unitName: unit?.name ?? conference.unitId,
      conferenceDate: conference.date,
      persons: result.value.persons.map((p) => ({
        name: names.get(p.personId) ?? p.personId,
        position: p.position,
        issued: p.issued,
        collected: p.collected,
        high: p.high.count,
        confidence: p.confidence.count,
        low: p.low.count,
      })),
    });
    reportedUnits.add(conference.unitId);
  }
  const notReported: string[] = [];
  for (const id of unitIds) {
    if (reportedUnits.has(id)) continue;
    const unit = await store.units.get(id);
    if (unit !== null) notReported.push(unit.name);
  }
  return { reported, notReported };
}
