// Tổng quan — the dashboard by role: organisers see rounds, voters and persons voted on see their conferences.

import { api } from '../api/endpoints.js';
import { DemoCard } from '../components/demo-card.js';
import { planText } from '../components/plan.js';
import { ProblemAlert } from '../components/problem.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/vi.js';
import { Link } from '../router.js';
import { canOrganise, rolesOf, useSession } from '../session.js';

/** The dashboard. */
export function DashboardScreen() {
  const i18n = useI18n();
  const { t, date } = i18n;
  const { user } = useSession();
  const roles = rolesOf(user);
  const organiser = canOrganise(user);
  const seesRounds = organiser || roles.has('inspector') || roles.has('competent-authority');
  const rounds = useLoad(
    () => (seesRounds ? api.rounds() : Promise.resolve({ ok: true as const, value: [] })),
    `rounds-${seesRounds}`,
  );
  const admin = roles.has('administrator');
  const demo = useLoad(
    () =>
      admin ? api.demoLoaded() : Promise.resolve({ ok: true as const, value: { loaded: true } }),
    `demo-${admin}`,
  );
  const personal = roles.has('voter') || roles.has('subject') || roles.has('counting-committee');
  const conferences = useLoad(
    () => (personal ? api.conferences() : Promise.resolve({ ok: true as const, value: [] })),
    `conf-${personal}`,
  );

  return (
    <section>
      <h1>{t('dashboard.title')}</h1>
      <p>{t('dashboard.welcome', { name: user?.displayName ?? '' })}</p>
      <h2>{t('dashboard.roles')}</h2>
      {roles.size === 0 ? <p>{t('dashboard.noRoles')}</p> : null}
      <ul className="role-list">
        {[...roles].map((r) => (
          <li key={r}>
            <strong>{t(`role.${r}` as MessageKey)}</strong>
            {r === 'organiser' || r === 'administrator' ? ` — ${t('dashboard.organiser')}` : null}
            {r === 'voter' ? ` — ${t('dashboard.voter')}` : null}
            {r === 'subject' ? ` — ${t('dashboard.subject')}` : null}
            {r === 'inspector' ? ` — ${t('dashboard.inspector')}` : null}
          </li>
        ))}
      </ul>
      {personal ? (
        <>
          <h2>{t('dashboard.myConference')}</h2>
          <ProblemAlert problem={conferences.problem} />
          <ul className="cards">
            {(conferences.data ?? []).map((c) => (
              <li key={c.id} className="card">
                <Link href={`/conferences/${c.id}/questions`}>{c.title}</Link>
                <p className="muted">
                  {date(c.date)} · {c.place}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {roles.has('administrator') && demo.data?.loaded === false ? (
        <DemoCard
          onLoaded={() => {
            rounds.reload();
            demo.reload();
          }}
        />
      ) : null}
      {seesRounds ? (
        <>
          <h2>{t('dashboard.recentRounds')}</h2>
          <ProblemAlert problem={rounds.problem} />
          {organiser ? (
            <p>
              <Link className="button" href="/rounds/new">
                {t('rounds.new')}
              </Link>
            </p>
          ) : null}
          <ul className="cards">
            {(rounds.data ?? []).map((r) => (
              <li key={r.id} className="card">
                <Link href={`/rounds/${r.id}`}>{r.title}</Link>
                <p className="muted">
                  {planText(r.plan, i18n)} · {r.plan.issuingBody}
                  {r.sample ? <span className="badge">{t('app.sampleData')}</span> : null}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
