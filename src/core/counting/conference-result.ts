// The result of a conference: each person's counts over the ballot styles that list them, tallied by the rules.

import {
  err,
  ok,
  tallyCounts,
  type Failure,
  type LineCounts,
  type PersonTally,
  type Result,
  type RuleOptions,
  type RuleSet,
  type TallyFailureCode,
} from '../../rules/index.js';

/** One ballot style's figures and each listed person's counts. */
export interface StyleCount {
  readonly issued: number;
  readonly collected: number;
  readonly persons: readonly {
    readonly personId: string;
    readonly name: string;
    readonly position: string;
    readonly counts: LineCounts;
  }[];
}

/** One person's line in the conference result. */
export interface PersonResult extends PersonTally {
  readonly personId: string;
  /** Ballots issued and collected of the styles that list this person. */
  readonly issued: number;
  readonly collected: number;
  /** The value percentages and bands are taken on for this person. */
  readonly base: number;
}

/** The conference result, per person in first-listed order. */
export interface ConferenceResult {
  readonly rules: RuleSet['id'];
  readonly baseKind: RuleOptions['base'];
  readonly persons: readonly PersonResult[];
}

/**
 * Tallies every person on the base of the ballots that list them (QĐ 96 Điều 6 k3: "đối với từng
 * người"); a person on two styles is counted over both.
 */
export function computeConferenceResult(
  ruleSet: RuleSet,
  styles: readonly StyleCount[],
  options: Partial<RuleOptions> & { totalMembers?: number } = {},
): Result<ConferenceResult, Failure<TallyFailureCode>> {
  const byPerson = new Map<
    string,
    { name: string; position: string; issued: number; collected: number; counts: LineCounts }
  >();
  for (const style of styles) {
    for (const person of style.persons) {
      const entry = byPerson.get(person.personId) ?? {
        name: person.name,
        position: person.position,
        issued: 0,
        collected: 0,
        counts: { high: 0, confidence: 0, low: 0, invalid: 0 },
      };
      entry.issued += style.issued;
      entry.collected += style.collected;
      for (const level of ['high', 'confidence', 'low', 'invalid'] as const) {
        entry.counts[level] += person.counts[level];
      }
      byPerson.set(person.personId, entry);
    }
  }
  const persons: PersonResult[] = [];
  for (const [personId, entry] of byPerson) {
    const tally = tallyCounts(
      ruleSet,
      {
        ballotsIssued: entry.issued,
        ballotsCollected: entry.collected,
        totalMembers: options.totalMembers,
        persons: [{ name: entry.name, position: entry.position, ...entry.counts }],
      },
      options,
    );
    if (!tally.ok)
      return err({ ...tally.error, field: `${entry.name}: ${tally.error.field ?? ''}` });
    const [line] = tally.value.persons;
    if (!line) throw new Error('computeConferenceResult: the tally lost a person');
    persons.push({
      ...line,
      personId,
      issued: entry.issued,
      collected: entry.collected,
      base: tally.value.base.value,
    });
  }
  return ok({
    rules: ruleSet.id,
    baseKind: { ...ruleSet.defaults, ...options }.base,
    persons,
  });
}

/**
 * How many persons reached `percent`% of "tín nhiệm cao" and "tín nhiệm" together, each on their
 * own base, compared exactly: (high + confidence) · 100 ≥ percent · base.
 */
export function countReaching(
  result: ConferenceResult,
  percent: number,
  levels: readonly ('high' | 'confidence')[] = ['high', 'confidence'],
): { reached: number; total: number } {
  const reached = result.persons.filter(
    (p) => levels.reduce((sum, level) => sum + p[level].count, 0) * 100 >= percent * p.base,
  ).length;
  return { reached, total: result.persons.length };
}
