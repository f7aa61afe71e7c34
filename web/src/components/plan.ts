// A plan as plans cite it: "277-KH/TU ngày 28/7/2023" (core's formatPlanReference) or its English form.

import { formatPlanReference } from '../../../src/core/model/index.js';
import type { I18n } from '../i18n/i18n.js';

/** The plan's number and date in the reader's language. */
export function planText(
  plan: { number: string; date: string | null; issuingBody: string },
  i18n: I18n,
): string {
  if (i18n.lang === 'vi') return formatPlanReference(plan);
  return plan.date === null ? plan.number : `${plan.number} of ${i18n.date(plan.date)}`;
}
