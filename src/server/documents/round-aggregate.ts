// From a round's reported results below a unit to the aggregate's JSON (src/documents/model.ts).

import type { Round, Unit } from '../../core/model/index.js';
import type { RoundAggregateData } from '../../documents/index.js';
import type { CalendarDate } from '../../rules/index.js';
import { localityOf } from './conference-document.js';

/** One person's counts as the conference result gives them (issued and collected of their ballots). */
export interface ReportedPerson {
  readonly name: string;
  readonly position: string;
  readonly issued: number;
  readonly collected: number;
  readonly high: number;
  readonly confidence: number;
  readonly low: number;
}

/** A unit's conference whose result reached the competent authority. */
export interface ReportedConference {
  readonly unitName: string;
  readonly conferenceDate: CalendarDate;
  readonly persons: readonly ReportedPerson[];
}

/** What the aggregate of a round below one unit is made from. */
export interface RoundAggregateSource {
  readonly round: Round;
  /** The unit the aggregate is for (the competent authority's), and the unit above it. */
  readonly scopeUnit: Unit;
  readonly scopeParent: Unit | null;
  /** The date printed on the aggregate (today in Vietnam). */
  readonly date: CalendarDate;
  readonly reported: readonly ReportedConference[];
  /** Names of the units whose result has not been reported yet. */
  readonly notReported: readonly string[];
}

/**
 * The aggregate's JSON. Each reported conference is one row group; persons whose ballots differ
 * (several ballot styles, so other issued/collected figures) form their own group under the same
 * unit name, since the document tallies each group on one base.
 */
export function roundAggregateData(source: RoundAggregateSource): RoundAggregateData {
  const { round, scopeUnit, scopeParent } = source;
  const units: RoundAggregateData['units'][number][] = [];
  for (const conference of source.reported) {
    const groups = new Map<string, ReportedPerson[]>();
    for (const person of conference.persons) {
      const key = `${person.issued}/${person.collected}`;
      groups.set(key, [...(groups.get(key) ?? []), person]);
    }
    for (const persons of groups.values()) {
      const first = persons[0];
      if (first === undefined) continue;
      units.push({
        name: conference.unitName,
        conferenceDate: conference.conferenceDate,
        ballotsIssued: first.issued,
        ballotsCollected: first.collected,
        persons: persons.map((p) => ({
          name: p.name,
          position: p.position,
          high: p.high,
          confidence: p.confidence,
          low: p.low,
        })),
      });
    }
  }
  const title = round.title.charAt(0).toLocaleLowerCase('vi') + round.title.slice(1);
  const data: RoundAggregateData = {
    sample: round.sample,
    ruleSet: round.ruleSetId,
    issuingBody: {
      ...(scopeParent === null ? {} : { superior: scopeParent.name }),
      name: scopeUnit.name,
    },
    title: `Kết quả ${title}`,
    date: source.date,
    locality: localityOf(scopeUnit.name),
    units,
    unitsNotReported: [...source.notReported],
  };
  return JSON.parse(JSON.stringify(data).normalize('NFC')) as RoundAggregateData;
}
