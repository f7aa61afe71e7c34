// The three levels of a confidence ballot (QĐ 96 Điều 6 k1; NQ 96/2023 Điều 19 k1).

/** Mức tín nhiệm — a level a voter marks for one person. */
export type Level = 'high' | 'confidence' | 'low';

/** The levels in the order the ballot prints them: tín nhiệm cao, tín nhiệm, tín nhiệm thấp. */
export const LEVELS: readonly Level[] = ['high', 'confidence', 'low'];

/** Words for each level, Vietnamese first. */
export const LEVEL_LABELS: Readonly<Record<Level, { vi: string; en: string }>> = {
  high: { vi: 'Tín nhiệm cao', en: 'High confidence' },
  confidence: { vi: 'Tín nhiệm', en: 'Confidence' },
  low: { vi: 'Tín nhiệm thấp', en: 'Low confidence' },
};
