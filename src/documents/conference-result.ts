// From a conference's counts to the legal result of each ballot style, through the rules engine.

import {
  getRuleSet,
  tallyCounts,
  type Failure,
  type PersonCounts,
  type Result,
  type RuleSet,
  type Tally,
} from '../rules/index.js';
import type { BallotStyleData, ConferenceDocumentData } from './model.js';

/** A ballot style with its tally (percentages on the rule's base and bands, src/rules/tally.ts). */
export interface CountedStyle {
  readonly style: BallotStyleData;
  readonly ballotsIssued: number;
  readonly ballotsCollected: number;
  readonly ballotsValid: number;
  readonly ballotsInvalid: number;
  readonly tally: Tally;
}

/** A conference whose every ballot style has been counted. */
export interface ConferenceResult {
  readonly data: ConferenceDocumentData;
  readonly ruleSet: RuleSet;
  readonly styles: readonly CountedStyle[];
}

/** Codes of the ways a conference's counts are missing or inconsistent. */
export type ConferenceResultFailureCode =
  | 'results_missing'
  | 'valid_invalid_mismatch'
  | 'invalid_count'
  | 'collected_exceeds_issued'
  | 'collected_exceeds_members'
  | 'counts_exceed_collected'
  | 'missing_total_members'
  | 'empty_base';

/**
 * Tallies every ballot style with `tallyCounts` under the conference's rule set. Valid plus invalid
 * ballots must equal those collected (QĐ 96 Điều 6 k3 lists the four figures together).
 */
export function countConference(
  data: ConferenceDocumentData,
): Result<ConferenceResult, Failure<ConferenceResultFailureCode>> {
  const ruleSet = getRuleSet(data.ruleSet);
  const styles: CountedStyle[] = [];
  for (const [index, style] of data.ballotStyles.entries()) {
    const at = `ballotStyles[${index}]`;
    const { ballotsIssued, ballotsCollected, ballotsValid, ballotsInvalid } = style;
    const figures = { ballotsIssued, ballotsCollected, ballotsValid, ballotsInvalid };
    for (const [name, value] of Object.entries(figures)) {
      if (value === undefined) return missing(`${at}.${name}`);
    }
    const persons: PersonCounts[] = [];
    for (const [p, person] of style.persons.entries()) {
      const { high, confidence, low } = person;
      if (high === undefined) return missing(`${at}.persons[${p}].high`);
      if (confidence === undefined) return missing(`${at}.persons[${p}].confidence`);
      if (low === undefined) return missing(`${at}.persons[${p}].low`);
      persons.push({ name: person.name, position: person.position, high, confidence, low });
    }
    const issued = ballotsIssued ?? 0;
    const collected = ballotsCollected ?? 0;
    const valid = ballotsValid ?? 0;
    const invalid = ballotsInvalid ?? 0;
    if (valid + invalid !== collected) {
      return {
        ok: false,
        error: {
          code: 'valid_invalid_mismatch',
          field: `${at}.ballotsValid`,
          message: `${at}: ballotsValid (${valid}) + ballotsInvalid (${invalid}) is not ballotsCollected (${collected}).`,
        },
      };
    }
    const tally = tallyCounts(ruleSet, {
      ballotsIssued: issued,
      ballotsCollected: collected,
      totalMembers: style.totalMembers,
      persons,
    });
    if (!tally.ok) {
      const field = tally.error.field ? `${at}.${tally.error.field}` : at;
      return {
        ok: false,
        error: { ...tally.error, field, message: `${at}: ${tally.error.message}` },
      };
    }
    styles.push({
      style,
      ballotsIssued: issued,
      ballotsCollected: collected,
      ballotsValid: valid,
      ballotsInvalid: invalid,
      tally: tally.value,
    });
  }
  return { ok: true, value: { data, ruleSet, styles } };
}

function missing(field: string): { ok: false; error: Failure<'results_missing'> } {
  return {
    ok: false,
    error: {
      code: 'results_missing',
      field,
      message: `${field} is missing: the minutes and reports need the counts of every ballot style.`,
    },
  };
}
