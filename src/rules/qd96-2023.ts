// Quy định 96-QĐ/TW ngày 02/02/2023 của Bộ Chính trị: confidence votes at Party conferences.

import { PLAN_DEADLINES } from './deadlines.js';
import { TWO_THIRDS } from './quorum.js';
import type { RuleSet } from './rule-set.js';

/** QĐ 96-QĐ/TW (2023), replacing QĐ 262-QĐ/TW (2014). */
export const QD96_2023: RuleSet = {
  id: 'qd96-2023',
  title: {
    vi: 'Quy định 96-QĐ/TW ngày 02/02/2023 của Bộ Chính trị',
    en: 'Politburo Regulation 96-QĐ/TW of 2 February 2023',
  },
  instrument: 'Quy định số 96-QĐ/TW ngày 02/02/2023 của Bộ Chính trị',
  regime: 'party',
  defaults: {
    /** Điều 6 k3 [verbatim]: "tỉ lệ phần trăm trên tổng số phiếu thu về". */
    base: 'ballotsCollected',
    /** "từ 2/3 … trở lên" [secondary, rules.md §3.9]. */
    twoThirdsComparator: 'atLeast',
    /** Điều 6 k3 read per line [inferred, rules.md §3.6]. */
    invalidLineVoidsBallot: false,
    /** "chỉ được tiến hành khi có ít nhất 2/3 số người được triệu tập có mặt" [secondary, §3.7]. */
    quorum: TWO_THIRDS,
    /** Điều 1 k3 [verbatim]: "lấy phiếu tín nhiệm tối đa ở 2 nơi". */
    maxPlaces: 2,
    deadlines: PLAN_DEADLINES,
  },
  /** Use of results [secondary, rules.md §3.9]; denominator as the percentage base [inferred]. */
  bandMeanings: {
    none: { vi: 'Không thuộc diện xem xét', en: 'No consequence' },
    'over-half-low': {
      vi: 'Trên 1/2 đến dưới 2/3 tín nhiệm thấp: đưa ra khỏi quy hoạch chức vụ cao hơn, xem xét cho thôi giữ chức vụ, bố trí công tác khác, cho từ chức hoặc bỏ phiếu tín nhiệm',
      en: 'More than 1/2 and less than 2/3 low: out of planning for higher posts; relief from post, another post, resignation or a no-confidence vote to be considered',
    },
    'two-thirds-low': {
      vi: 'Từ 2/3 tín nhiệm thấp trở lên: miễn nhiệm chức vụ đang đảm nhiệm, bố trí công tác khác thấp hơn',
      en: '2/3 or more low: relieved of the post and moved to a lower post',
    },
  },
  /** "thông báo nghỉ công tác chờ nghỉ hưu hoặc được bổ nhiệm, bầu cử trong năm lấy phiếu" [secondary]. */
  exclusionReasons: ['retirement-notified', 'appointed-in-vote-year', 'voted-at-max-places'],
  /** QĐ 96 caps places at two; it does not merge positions into one line [not found]. */
  severalPositionsVotedOnce: false,
};
