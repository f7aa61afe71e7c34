// The quorum panel: present / summoned, the rule's exact threshold, met or not (QĐ 96: at least 2/3 present).

import type { QuorumStatus } from '../api/day-types.js';
import { useI18n } from '../i18n/i18n.js';

/** Present / summoned against the threshold, announced politely when it changes. */
export function QuorumPanel({ quorum }: { quorum: QuorumStatus }) {
  const { t } = useI18n();
  const missing = Math.max(0, quorum.threshold - quorum.present);
  return (
    <section
      className={`quorum ${quorum.met ? 'quorum-met' : 'quorum-not-met'}`}
      aria-labelledby="quorum-title"
      data-testid="quorum-panel"
    >
      <h2 id="quorum-title">{t('quorum.title')}</h2>
      <p className="quorum-figures" data-testid="quorum-figures">
        {t('quorum.figures', { present: quorum.present, summoned: quorum.summoned })}
      </p>
      <p>
        {t('quorum.threshold', {
          numerator: quorum.fraction.numerator,
          denominator: quorum.fraction.denominator,
          threshold: quorum.threshold,
        })}
      </p>
      <p role="status" aria-live="polite" className="quorum-state" data-testid="quorum-state">
        <strong>{quorum.met ? t('quorum.met') : t('quorum.notMet', { missing })}</strong>
      </p>
      <p className="muted">
        {t('quorum.details', { absent: quorum.absent, unknown: quorum.unknown })}
      </p>
    </section>
  );
}
