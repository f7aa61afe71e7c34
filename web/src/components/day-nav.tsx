// The steps of the conference day as links (điểm danh → Ban kiểm phiếu → kiểm phiếu → … → công bố).

import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/vi.js';
import { Link, useLocation } from '../router.js';
import { useSession } from '../session.js';
import '../styles/day.css';

const STEPS: readonly { path: string; label: MessageKey }[] = [
  { path: 'roll-call', label: 'day.rollCall' },
  { path: 'committee', label: 'day.committee' },
  { path: 'election', label: 'day.election' },
  { path: 'counting', label: 'day.counting' },
  { path: 'reconciliation', label: 'day.reconciliation' },
  { path: 'result', label: 'day.result' },
  { path: 'publication', label: 'day.publication' },
  { path: 'projector', label: 'day.projector' },
];

/** The step links of one conference, the current one marked. */
export function DayNav({ conferenceId }: { conferenceId: string }) {
  const { t } = useI18n();
  const { path } = useLocation();
  const { user } = useSession();
  // A committee member of this conference also holds a key share of its electronic vote (issue 7 §1).
  const trustee = (user?.grants ?? []).some(
    (g) =>
      g.role === 'counting-committee' && 'conferenceId' in g && g.conferenceId === conferenceId,
  );
  const steps = trustee
    ? STEPS.flatMap((s) =>
        s.path === 'counting' ? [s, { path: 'trustee', label: 'day.trustee' as const }] : [s],
      )
    : STEPS;
  const base = `/conferences/${encodeURIComponent(conferenceId)}`;
  return (
    <nav className="day-nav" aria-label={t('day.nav')}>
      <Link href={base}>← {t('day.backToConference')}</Link>
      <ol>
        {steps.map((step) => {
          const href = `${base}/${step.path}`;
          return (
            <li key={step.path}>
              <Link href={href} aria-current={path === href ? 'page' : undefined}>
                {t(step.label)}
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
