// Nghị quyết 85/2014/QH13: the earlier National Assembly / People's Council rule (historical data).

import { PLAN_DEADLINES } from './deadlines.js';
import { TWO_THIRDS } from './quorum.js';
import type { RuleSet } from './rule-set.js';

/** NQ 85/2014/QH13, replaced by NQ 96/2023/QH15 on 01/7/2023. */
export const NQ85_2014: RuleSet = {
  id: 'nq85-2014',
  title: {
    vi: 'Nghị quyết 85/2014/QH13 ngày 28/11/2014 của Quốc hội',
    en: 'National Assembly Resolution 85/2014/QH13 of 28 November 2014',
  },
  instrument: 'Nghị quyết số 85/2014/QH13 ngày 28/11/2014 của Quốc hội',
  regime: 'state',
  defaults: {
    /** Điều 17 k1 [verbatim]: "tỷ lệ phần trăm so với tổng số đại biểu Quốc hội hoặc đại biểu HĐND". */
    base: 'totalMembers',
    /** "từ 2/3 tổng số đại biểu trở lên" [secondary, rules.md §4.6]. */
    twoThirdsComparator: 'atLeast',
    invalidLineVoidsBallot: false,
    quorum: TWO_THIRDS,
    maxPlaces: null,
    deadlines: PLAN_DEADLINES,
  },
  /** Thresholds as fractions of all deputies [secondary: kinhtedothi, xahoi]. */
  bandMeanings: {
    none: { vi: 'Không thuộc diện xem xét', en: 'No consequence' },
    'over-half-low': {
      vi: 'Quá nửa tổng số đại biểu đánh giá tín nhiệm thấp: có thể xin từ chức',
      en: 'More than half of all deputies rated low: may resign',
    },
    'two-thirds-low': {
      vi: 'Từ 2/3 tổng số đại biểu trở lên đánh giá tín nhiệm thấp: trình bỏ phiếu tín nhiệm',
      en: '2/3 or more of all deputies rated low: a no-confidence vote is submitted',
    },
  },
  /** HD 321/HD-UBTVQH14: "chưa đủ 09 tháng, tính đến ngày khai mạc kỳ họp" [verbatim]. */
  exclusionReasons: ['retirement-notified', 'in-office-under-9-months'],
  severalPositionsVotedOnce: true,
};
