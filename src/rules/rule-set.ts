// What a rule set is: data (base, bands, quorum, exclusions, deadlines) plus the options a plan may change.

import type { BandMeanings } from './bands.js';
import type { ExclusionReason } from './exclusions.js';

/** The four rule sets the product knows. */
export type RuleSetId = 'qd96-2023' | 'nq96-2023' | 'nq85-2014' | 'nq35-2012';

/** All rule set ids, newest first. */
export const RULE_SET_IDS: readonly RuleSetId[] = [
  'qd96-2023',
  'nq96-2023',
  'nq85-2014',
  'nq35-2012',
];

/** What the percentages and bands are taken of. */
export type BaseKind = 'ballotsCollected' | 'totalMembers';

/**
 * How a band boundary compares with two thirds: "từ 2/3 trở lên" (at least, QĐ 96, NQ 96/2023) or
 * "trên 2/3" (more than, the historic QĐ 41-QĐ/TW wording, rules.md §3.9).
 */
export type TwoThirdsComparator = 'atLeast' | 'moreThan';

/**
 * Choices a plan may make where the rule text is uncertain ([secondary], [inferred] or [not found] in
 * rules.md). Each rule set gives the documented default.
 */
export interface RuleOptions {
  /** Percentage base (rules.md §3.6 k3, §4.5). */
  readonly base: BaseKind;
  /** Comparator of the upper band (rules.md §3.9). */
  readonly twoThirdsComparator: TwoThirdsComparator;
  /** Whether an invalid line voids the whole ballot; default per line (rules.md §3.6, [inferred]). */
  readonly invalidLineVoidsBallot: boolean;
  /** Quorum as a fraction of those summoned, inclusive (QĐ 96, rules.md §3.7). */
  readonly quorum: { readonly numerator: number; readonly denominator: number };
  /** Most places a person is voted at in one round (QĐ 96 Điều 1 k3); null = no cap. */
  readonly maxPlaces: number | null;
  /** Days before the conference for each preparation step (Hải Dương plan, rules.md §3.8). */
  readonly deadlines: Deadlines;
}

/** Days before the conference by which each preparation step is due. */
export interface Deadlines {
  /** The person sends the report to the personnel office (20 days). */
  readonly reportToOffice: number;
  /** Reports are distributed to the voters (15 days). */
  readonly distributionToVoters: number;
  /** Voters' questions are forwarded to the person (10 days). */
  readonly questionsForwarded: number;
  /** The person answers (3 days). */
  readonly answers: number;
}

/** A rule set: the legal text it implements and its parameters. */
export interface RuleSet {
  readonly id: RuleSetId;
  readonly title: { readonly vi: string; readonly en: string };
  /** The instrument, as cited: "Quy định 96-QĐ/TW ngày 02/02/2023". */
  readonly instrument: string;
  /** Party conference (hội nghị) or a state body's session (kỳ họp). */
  readonly regime: 'party' | 'state';
  readonly defaults: RuleOptions;
  /** What each band means under this rule. */
  readonly bandMeanings: BandMeanings;
  /** Exclusion reasons this rule knows, in the order they are checked. */
  readonly exclusionReasons: readonly ExclusionReason[];
  /** Whether a person holding several positions is voted on once for all of them (NQ 96/2023 Điều 2). */
  readonly severalPositionsVotedOnce: boolean;
}
