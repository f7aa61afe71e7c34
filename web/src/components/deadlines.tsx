// The preparation deadlines of a conference, each with a clear message once it has passed (rules.md §3.8).

import type { ConferenceDeadlines, DeadlineStepDto } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/vi.js';

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** One step's line: due in N days, due today, or passed (role="alert" would be noisy; passed is styled and worded). */
export function DeadlineLine({ step, today }: { step: DeadlineStepDto; today: string }) {
  const { t, date } = useI18n();
  const what = t(`rounds.deadline.${step.step}` as MessageKey).toLocaleLowerCase();
  const days = daysBetween(today, step.due);
  const text = step.passed
    ? t('deadline.passed', { what, date: date(step.due) })
    : days === 0
      ? t('deadline.today', { what, date: date(step.due) })
      : t('deadline.until', { what, date: date(step.due), days });
  return (
    <li className={step.passed ? 'deadline deadline-passed' : 'deadline'} data-step={step.step}>
      {text}
    </li>
  );
}

/** Every step of a conference. */
export function DeadlineList({ deadlines }: { deadlines: ConferenceDeadlines }) {
  return (
    <ul className="deadlines">
      {deadlines.steps.map((s) => (
        <DeadlineLine key={s.step} step={s} today={deadlines.today} />
      ))}
    </ul>
  );
}

/** The step of the list, if present. */
export function stepOf(deadlines: ConferenceDeadlines | undefined, step: DeadlineStepDto['step']) {
  return deadlines?.steps.find((s) => s.step === step);
}
