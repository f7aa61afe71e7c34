// Nghị quyết 35/2012/QH13: the first National Assembly / People's Council rule (historical data).

import { NQ85_2014 } from './nq85-2014.js';
import type { RuleSet } from './rule-set.js';

/**
 * NQ 35/2012/QH13, replaced by NQ 85/2014/QH13. Same base (all deputies, rules.md §6.1: 2013 results
 * are count / 498) and the same bands as its successor [secondary]; its texts were not retrieved
 * beyond what rules.md quotes, so the parameters follow NQ 85/2014.
 */
export const NQ35_2012: RuleSet = {
  ...NQ85_2014,
  id: 'nq35-2012',
  title: {
    vi: 'Nghị quyết 35/2012/QH13 ngày 21/11/2012 của Quốc hội',
    en: 'National Assembly Resolution 35/2012/QH13 of 21 November 2012',
  },
  instrument: 'Nghị quyết số 35/2012/QH13 ngày 21/11/2012 của Quốc hội',
};
