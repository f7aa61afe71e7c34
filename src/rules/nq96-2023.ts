// Nghị quyết 96/2023/QH15 ngày 23/6/2023: confidence votes at the National Assembly and People's Councils.

import { PLAN_DEADLINES } from './deadlines.js';
import { TWO_THIRDS } from './quorum.js';
import type { RuleSet } from './rule-set.js';

/** NQ 96/2023/QH15, in force 01/7/2023, replacing NQ 85/2014/QH13. */
export const NQ96_2023: RuleSet = {
  id: 'nq96-2023',
  title: {
    vi: 'Nghị quyết 96/2023/QH15 ngày 23/6/2023 của Quốc hội',
    en: 'National Assembly Resolution 96/2023/QH15 of 23 June 2023',
  },
  instrument: 'Nghị quyết số 96/2023/QH15 ngày 23/6/2023 của Quốc hội',
  regime: 'state',
  defaults: {
    /** Điều 19 k3 [verbatim]: "tổng số phiếu … là tổng số phiếu thu về". */
    base: 'ballotsCollected',
    /** Điều 12 [verbatim]: "từ hai phần ba tổng số phiếu … trở lên". */
    twoThirdsComparator: 'atLeast',
    /** Per line, as the 2023 National Assembly counted (rules.md §6.2) [inferred]. */
    invalidLineVoidsBallot: false,
    /** The session's own quorum is not in the excerpts [not found]; 2/3 of those summoned as default. */
    quorum: TWO_THIRDS,
    /** One vote per person per body; no cross-body cap in the resolution [not found]. */
    maxPlaces: null,
    /** Điều 10 uses 30/20/… days for the NA; the plan's defaults apply to HĐND (editable). */
    deadlines: PLAN_DEADLINES,
  },
  /** Điều 12 [verbatim, rules.md §4.6]. */
  bandMeanings: {
    none: { vi: 'Không thuộc diện xem xét', en: 'No consequence' },
    'over-half-low': {
      vi: 'Quá nửa đến dưới 2/3 tổng số phiếu tín nhiệm thấp: có thể xin từ chức; nếu không xin từ chức thì tiến hành bỏ phiếu tín nhiệm',
      en: 'More than half and less than 2/3 low: may resign; otherwise a no-confidence vote is held',
    },
    'two-thirds-low': {
      vi: 'Từ 2/3 tổng số phiếu tín nhiệm thấp trở lên: trình miễn nhiệm hoặc phê chuẩn đề nghị miễn nhiệm',
      en: '2/3 or more low: a dismissal proposal is submitted',
    },
  },
  /** Điều 2 k5 [secondary] and the sick-leave clause [secondary, final drafting report]. */
  exclusionReasons: ['retirement-notified', 'appointed-in-vote-year', 'serious-illness'],
  /** "cán bộ giữ nhiều chức vụ … lấy phiếu tín nhiệm một lần" (rules.md §4.1). */
  severalPositionsVotedOnce: true,
};
