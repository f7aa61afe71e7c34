// Progress percentages for upload bars, written by the rules engine's formatters (81,88% / 81.88%).

import { formatPercentEn, formatPercentVi } from '../../../src/rules/index.js';

/** The share of sent/total bytes as the language writes a percentage (src/rules formatPercentVi/En). */
export function formatPercentOf(sent: number, total: number, lang: 'vi' | 'en'): string {
  const base = Math.max(1, total);
  const count = Math.min(sent, base);
  return lang === 'vi' ? formatPercentVi(count, base) : formatPercentEn(count, base);
}
