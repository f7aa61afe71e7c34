// The rule sets by id, and the lookup that turns an unknown id into a clear failure.

import { NQ35_2012 } from './nq35-2012.js';
import { NQ85_2014 } from './nq85-2014.js';
import { NQ96_2023 } from './nq96-2023.js';
import { QD96_2023 } from './qd96-2023.js';
import { err, ok, type Failure, type Result } from './result.js';
import { RULE_SET_IDS, type RuleSet, type RuleSetId } from './rule-set.js';

const RULE_SETS: Readonly<Record<RuleSetId, RuleSet>> = {
  'qd96-2023': QD96_2023,
  'nq96-2023': NQ96_2023,
  'nq85-2014': NQ85_2014,
  'nq35-2012': NQ35_2012,
};

/** Whether a string names a rule set. */
export function isRuleSetId(value: unknown): value is RuleSetId {
  return typeof value === 'string' && (RULE_SET_IDS as readonly string[]).includes(value);
}

/** The rule set with this id, or `unknown_rule_set`. */
export function findRuleSet(id: string): Result<RuleSet, Failure<'unknown_rule_set'>> {
  if (!isRuleSetId(id)) {
    return err({
      code: 'unknown_rule_set',
      field: 'rules',
      message: `rules: unknown rule set "${id}"; expected one of ${RULE_SET_IDS.join(', ')}.`,
    });
  }
  return ok(RULE_SETS[id]);
}

/** The rule set with a known id. */
export function getRuleSet(id: RuleSetId): RuleSet {
  return RULE_SETS[id];
}
