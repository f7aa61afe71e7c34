// Default preparation deadlines, in days before the conference (Hải Dương plan, rules.md §3.8; editable).

import type { Deadlines } from './rule-set.js';

/**
 * Report to the personnel office 20 days before, distributed to voters 15 days before, questions
 * forwarded 10 days before, answers 3 days before [verbatim from a provincial plan, not QĐ 96 itself].
 */
export const PLAN_DEADLINES: Deadlines = {
  reportToOffice: 20,
  distributionToVoters: 15,
  questionsForwarded: 10,
  answers: 3,
};
