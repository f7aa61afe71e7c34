// Bảng tổng hợp của cấp có thẩm quyền — every unit of a round below the authority in one table, band results
// highlighted, and the units that have not reported yet.

import { dayApi } from '../api/day-endpoints.js';
import { ProblemAlert } from '../components/problem.js';
import { useLoad } from '../components/use-load.js';
import { percentText } from '../counting/result-view.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/vi.js';
import { Link } from '../router.js';
import '../styles/day.css';

/** The authority's table of a round. */
export function AuthorityTableScreen({ roundId }: { roundId: string }) {
  const { t, lang, int } = useI18n();
  const table = useLoad(() => dayApi.authorityTable(roundId), `at-${roundId}`);
  const data = table.data;
  return (
    <section className="day-screen">
      <p>
        <Link href={`/rounds/${encodeURIComponent(roundId)}`}>← {t('conferences.round')}</Link>
      </p>
      <h1>{t('authority.title')}</h1>
      <ProblemAlert problem={table.problem} />
      {data ? (
        <>
          <div className="table-wrap">
            <table className="result-table" data-testid="authority-table">
              <thead>
                <tr>
                  <th scope="col">{t('authority.unit')}</th>
                  <th scope="col">{t('result.person')}</th>
                  <th scope="col">{t('result.collected')}</th>
                  <th scope="col">{t('result.high')}</th>
                  <th scope="col">{t('result.confidence')}</th>
                  <th scope="col">{t('result.low')}</th>
                  <th scope="col">{t('result.band')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.flatMap((row) =>
                  row.persons.map((p, i) => (
                    <tr
                      key={`${row.conferenceId}-${p.subjectId}`}
                      className={`outcome-${p.outcome}`}
                    >
                      {i === 0 ? (
                        <th scope="rowgroup" rowSpan={row.persons.length}>
                          {row.unitName}
                          <span className="muted block">
                            <Link
                              href={`/conferences/${encodeURIComponent(row.conferenceId)}/result`}
                            >
                              {row.conferenceTitle}
                            </Link>
                            {row.revision !== null && row.revision > 1
                              ? ` (${t('authority.revision', { revision: row.revision })})`
                              : ''}
                          </span>
                        </th>
                      ) : null}
                      <th scope="row">
                        {p.fullName}
                        <span className="muted block">{p.title}</span>
                      </th>
                      <td>{int(p.collected)}</td>
                      <td className="num">
                        {int(p.high.count)} ({percentText(p.high.percent, lang)})
                      </td>
                      <td className="num">
                        {int(p.confidence.count)} ({percentText(p.confidence.percent, lang)})
                      </td>
                      <td className="num">
                        {int(p.low.count)} ({percentText(p.low.percent, lang)})
                      </td>
                      <td>
                        <strong>{t(`band.${p.outcome}` as MessageKey)}</strong>
                      </td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
          {data.flagged.length > 0 ? (
            <>
              <h2>{t('authority.flagged')}</h2>
              <ul data-testid="authority-flagged">
                {data.flagged.map((f) => (
                  <li key={`${f.conferenceId}-${f.personId}`} className={`outcome-${f.outcome}`}>
                    {f.fullName} — {t(`band.${f.outcome}`)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h2>{t('authority.notReported')}</h2>
          {data.notReported.length === 0 ? (
            <p>{t('authority.allReported')}</p>
          ) : (
            <ul data-testid="authority-not-reported">
              {data.notReported.map((u) => (
                <li key={`${u.unitId}-${u.conferenceId ?? ''}`}>
                  {u.unitName}
                  {u.status ? (
                    <span className="muted"> · {t(`status.${u.status}` as MessageKey)}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}
