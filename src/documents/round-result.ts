// From a round's reported units to their tallies, through the rules engine.

import {
  getRuleSet,
  tallyCounts,
  type Failure,
  type Result,
  type RuleSet,
  type Tally,
  type TallyFailureCode,
} from '../rules/index.js';
import type { RoundAggregateData, UnitResultData } from './model.js';

/** A reported unit and its tally. */
export interface CountedUnit {
  readonly unit: UnitResultData;
  readonly tally: Tally;
}

/** A round whose reported units have been tallied. */
export interface RoundResult {
  readonly data: RoundAggregateData;
  readonly ruleSet: RuleSet;
  readonly units: readonly CountedUnit[];
}

/** Tallies every reported unit under the round's rule set; a failure names "units[i].…". */
export function countRound(
  data: RoundAggregateData,
): Result<RoundResult, Failure<TallyFailureCode>> {
  const ruleSet = getRuleSet(data.ruleSet);
  const units: CountedUnit[] = [];
  for (const [index, unit] of data.units.entries()) {
    const tally = tallyCounts(ruleSet, unit);
    if (!tally.ok) {
      const at = `units[${index}]`;
      return {
        ok: false,
        error: {
          ...tally.error,
          field: tally.error.field ? `${at}.${tally.error.field}` : at,
          message: `${at} (${unit.name}): ${tally.error.message}`,
        },
      };
    }
    units.push({ unit, tally: tally.value });
  }
  return { ok: true, value: { data, ruleSet, units } };
}
