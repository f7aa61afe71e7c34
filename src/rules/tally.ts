// From per-person counts to the legal result: percentages on the rule's base and consequence bands.

import { classifyOutcome, type Outcome } from './bands.js';
import { LEVELS, type Level } from './levels.js';
import { percentString } from './percent.js';
import { err, ok, type Failure, type Result } from './result.js';
import type { BaseKind, RuleOptions, RuleSet } from './rule-set.js';

/** The counts the counting committee reports for one person. */
export interface PersonCounts {
  readonly name: string;
  readonly position: string;
  readonly high: number;
  readonly confidence: number;
  readonly low: number;
}

/** Counts of one conference (or one ballot style) to tally under a rule set. */
export interface TallyCounts {
  readonly ballotsIssued: number;
  readonly ballotsCollected: number;
  /** Tổng số đại biểu; required when the base is total members (NQ 85/2014, NQ 35/2012). */
  readonly totalMembers?: number | undefined;
  readonly persons: readonly PersonCounts[];
}

/** A level's count and its percentage of the base, "93.14" (two decimals, half-up, dot). */
export interface LevelTally {
  readonly count: number;
  readonly percent: string;
}

/** One person's result. */
export interface PersonTally {
  readonly name: string;
  readonly position: string;
  readonly high: LevelTally;
  readonly confidence: LevelTally;
  readonly low: LevelTally;
  /** Lines with exactly one mark for this person. */
  readonly validLines: number;
  /** Ballots collected whose line for this person is blank, marked twice, or on a void ballot. */
  readonly invalidLines: number;
  readonly outcome: Outcome;
}

/** The result of a tally: the base it is taken on, and every person. */
export interface Tally {
  readonly rules: RuleSet['id'];
  readonly base: { readonly kind: BaseKind; readonly value: number };
  readonly ballotsIssued: number;
  readonly ballotsCollected: number;
  readonly persons: readonly PersonTally[];
}

/** Codes of the ways counts can be wrong. */
export type TallyFailureCode =
  | 'invalid_count'
  | 'collected_exceeds_issued'
  | 'collected_exceeds_members'
  | 'counts_exceed_collected'
  | 'missing_total_members'
  | 'empty_base';

/**
 * Tallies counts under a rule set. The base is ballots collected (QĐ 96 Điều 6 k3; NQ 96/2023
 * Điều 19 k3) or total members (NQ 85/2014 Điều 17 k1); a person's blank or invalid lines do not
 * shrink it (rules.md §6.2). Bands are compared in integers on that base (bands.ts).
 */
export function tallyCounts(
  ruleSet: RuleSet,
  counts: TallyCounts,
  options: Partial<RuleOptions> = {},
): Result<Tally, Failure<TallyFailureCode>> {
  const { base: baseKind, twoThirdsComparator } = { ...ruleSet.defaults, ...options };
  const checked = checkCounts(counts, baseKind);
  if (!checked.ok) return checked;
  const base = checked.value;
  const persons = counts.persons.map((person): PersonTally => {
    const validLines = person.high + person.confidence + person.low;
    const level = (name: Level): LevelTally => ({
      count: person[name],
      percent: percentString(person[name], base),
    });
    return {
      name: person.name,
      position: person.position,
      high: level('high'),
      confidence: level('confidence'),
      low: level('low'),
      validLines,
      invalidLines: counts.ballotsCollected - validLines,
      outcome: classifyOutcome(person.low, base, twoThirdsComparator),
    };
  });
  return ok({
    rules: ruleSet.id,
    base: { kind: baseKind, value: base },
    ballotsIssued: counts.ballotsIssued,
    ballotsCollected: counts.ballotsCollected,
    persons,
  });
}

function checkCounts(
  counts: TallyCounts,
  baseKind: BaseKind,
): Result<number, Failure<TallyFailureCode>> {
  const { ballotsIssued: issued, ballotsCollected: collected, totalMembers } = counts;
  const badCount =
    countFailure('ballotsIssued', issued) ??
    countFailure('ballotsCollected', collected) ??
    (totalMembers === undefined ? undefined : countFailure('totalMembers', totalMembers)) ??
    counts.persons
      .flatMap((person, index) =>
        LEVELS.map((level) => countFailure(`persons[${index}].${level}`, person[level])),
      )
      .find((failure) => failure !== undefined);
  if (badCount) return err(badCount);
  if (collected > issued) {
    return err({
      code: 'collected_exceeds_issued',
      field: 'ballotsCollected',
      message: `ballotsCollected (${collected}) is more than ballotsIssued (${issued}).`,
    });
  }
  if (baseKind === 'totalMembers' && totalMembers === undefined) {
    return err({
      code: 'missing_total_members',
      field: 'totalMembers',
      message: 'totalMembers is required: this rule set takes percentages of all members.',
    });
  }
  if (totalMembers !== undefined && collected > totalMembers) {
    return err({
      code: 'collected_exceeds_members',
      field: 'ballotsCollected',
      message: `ballotsCollected (${collected}) is more than totalMembers (${totalMembers}).`,
    });
  }
  const base = baseKind === 'totalMembers' ? (totalMembers ?? 0) : collected;
  if (base === 0) {
    return err({
      code: 'empty_base',
      field: baseKind,
      message: `${baseKind} is 0: there is nothing to take percentages of.`,
    });
  }
  for (const [index, person] of counts.persons.entries()) {
    const sum = person.high + person.confidence + person.low;
    if (sum > collected) {
      return err({
        code: 'counts_exceed_collected',
        field: `persons[${index}]`,
        message: `persons[${index}] (${person.name}): high + confidence + low = ${sum} is more than ballotsCollected (${collected}).`,
      });
    }
  }
  return ok(base);
}

function countFailure(field: string, value: unknown): Failure<'invalid_count'> | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return undefined;
  const got = value === undefined ? 'nothing' : JSON.stringify(value);
  return {
    code: 'invalid_count',
    field,
    message: `${field}: expected a non-negative integer, got ${got}.`,
  };
}
