// Đợt lấy phiếu — the list of rounds with their plans.

import { api } from '../api/endpoints.js';
import { planText } from '../components/plan.js';
import { ProblemAlert } from '../components/problem.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/vi.js';
import { Link } from '../router.js';
import { canOrganise, useSession } from '../session.js';

/** The rounds screen. */
export function RoundsScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const { user } = useSession();
  const rounds = useLoad(() => api.rounds(), 'rounds');
  return (
    <section>
      <h1>{t('rounds.title')}</h1>
      {canOrganise(user) ? (
        <p>
          <Link className="button" href="/rounds/new">
            {t('rounds.new')}
          </Link>
        </p>
      ) : null}
      <ProblemAlert problem={rounds.problem} />
      {rounds.data?.length === 0 ? <p>{t('common.none')}</p> : null}
      <ul className="cards">
        {(rounds.data ?? []).map((r) => (
          <li key={r.id} className="card">
            <Link href={`/rounds/${r.id}`}>{r.title}</Link>
            <p className="muted">
              {t('rounds.plan')} {planText(r.plan, i18n)} · {r.plan.issuingBody} · {r.year}
              {r.sample ? <span className="badge">{t('app.sampleData')}</span> : null}
            </p>
            <p className="muted">{t(`ruleSet.${r.ruleSetId}` as MessageKey)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
