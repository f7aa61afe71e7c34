// Nhật ký thay đổi — the audit log for inspectors: who, when, what, before/after, and the hash chain's check.

import { api } from '../api/endpoints.js';
import { ProblemAlert } from '../components/problem.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/i18n.js';

function json(value: unknown): string {
  return value === null || value === undefined ? '—' : JSON.stringify(value, null, 1);
}

/** The audit screen (read-only). */
export function AuditScreen() {
  const { t, lang } = useI18n();
  const entries = useLoad(() => api.audit({ limit: 200 }), 'audit');
  const chain = useLoad(() => api.auditVerify(), 'audit-verify');
  const when = (iso: string) =>
    new Date(iso).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
    });
  return (
    <section>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <ProblemAlert problem={entries.problem ?? chain.problem} />
      {chain.data ? (
        chain.data.ok ? (
          <p className="alert alert-ok" data-testid="chain-status">
            {t('audit.chainOk', { entries: chain.data.entries })}
          </p>
        ) : (
          <div className="alert alert-error" role="alert" data-testid="chain-status">
            {chain.data.problems.map((p) => (
              <p key={`${p.seq}-${p.check}`}>
                {t('audit.chainBroken', { seq: p.seq, detail: `${p.check}: ${p.detail}` })}
              </p>
            ))}
          </div>
        )
      ) : null}
      <div className="table-wrap">
        <table className="audit" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.entity')}</th>
              <th scope="col">{t('audit.before')}</th>
              <th scope="col">{t('audit.after')}</th>
            </tr>
          </thead>
          <tbody>
            {(entries.data?.entries ?? []).map((e) => (
              <tr key={e.id}>
                <td>{e.seq}</td>
                <td>{when(e.at)}</td>
                <td>{e.actorLabel}</td>
                <td className="code">{e.action}</td>
                <td>
                  {e.entityType} <span className="muted code">{e.entityId.slice(0, 8)}</span>
                </td>
                <td>
                  <details>
                    <summary>{t('audit.before')}</summary>
                    <pre>{json(e.before)}</pre>
                  </details>
                </td>
                <td>
                  <details>
                    <summary>{t('audit.after')}</summary>
                    <pre>{json(e.after)}</pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
