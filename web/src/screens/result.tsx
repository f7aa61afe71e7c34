// Kết quả — the result computed by the rules engine, the summary sentence, the head's confirmation; after it the
// result is locked and a correction is a new revision with a reason; the list of revisions.

import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '../api/client.js';
import { dayApi } from '../api/day-endpoints.js';
import type { ConferenceResultDto, CountingSheet, PersonTotals } from '../api/day-types.js';
import { DayNav } from '../components/day-nav.js';
import { TextAreaField } from '../components/field.js';
import { Notice, ProblemAlert } from '../components/problem.js';
import { ResultTable } from '../components/result-table.js';
import { useLoad } from '../components/use-load.js';
import { isMessageKey, useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/vi.js';

/** The result screen. */
export function ResultScreen({ conferenceId }: { conferenceId: string }) {
  const { t, lang } = useI18n();
  const result = useLoad(() => dayApi.result(conferenceId), `r-${conferenceId}`);
  const revisions = useLoad(() => dayApi.revisions(conferenceId), `rv-${conferenceId}`);
  const me = useLoad(() => dayApi.myMembership(conferenceId), `me-${conferenceId}`);
  const overview = useLoad(() => dayApi.counting(conferenceId), `ov-${conferenceId}`);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const isHead = me.data?.member?.isHead === true;
  const r = result.data;
  const sheetName = (id: string) => overview.data?.sheets.find((s) => s.sheetId === id)?.name ?? id;

  const confirm = async () => {
    setProblem(null);
    const answer = await dayApi.confirm(conferenceId);
    if (answer.ok) {
      setNotice(t('result.confirmed'));
      result.reload();
      revisions.reload();
    } else setProblem(answer.error);
  };

  return (
    <section className="day-screen">
      <DayNav conferenceId={conferenceId} />
      <h1>{t('result.title')}</h1>
      <ProblemAlert problem={result.problem} />
      {r ? (
        <>
          <p
            role="status"
            className={`result-state result-state-${r.state}`}
            data-testid="result-state"
          >
            {r.state === 'confirmed'
              ? t('result.state.confirmed', { revision: r.revision ?? 1 })
              : t(`result.state.${r.state}` as MessageKey)}
          </p>
          {r.blockers.length > 0 ? (
            <div className="card">
              <p>{t('result.blockers')}</p>
              <ul>
                {r.blockers.map((b) => (
                  <li key={`${b.code}-${b.sheetId}`}>
                    {isMessageKey(`result.blocker.${b.code}`)
                      ? t(`result.blocker.${b.code}` as MessageKey, { sheet: sheetName(b.sheetId) })
                      : b.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {r.persons.length > 0 ? (
            <>
              {r.summary ? (
                <>
                  <p className="summary-sentence" data-testid="result-reached">
                    {t('result.reached', {
                      reached: r.summary.reached,
                      total: r.summary.total,
                      share: r.summary.share,
                    })}
                  </p>
                  <p data-testid="result-summary">{r.summary[lang]}</p>
                </>
              ) : null}
              <ResultTable result={r} />
              <p className="muted">{t(`result.base.${r.baseKind}`)}</p>
            </>
          ) : null}
          {r.state === 'ready' ? (
            <div className="card">
              <p className="help">{t('result.confirmHelp')}</p>
              <button
                type="button"
                onClick={() => void confirm()}
                disabled={!isHead}
                data-testid="confirm-result"
              >
                {t('result.confirm')}
              </button>
            </div>
          ) : null}
          <ProblemAlert problem={problem} />
          <Notice text={notice} />
          {r.state === 'confirmed' && isHead && overview.data ? (
            <RevisionForm
              conferenceId={conferenceId}
              result={r}
              sheets={overview.data.sheets}
              onSaved={() => {
                result.reload();
                revisions.reload();
              }}
            />
          ) : null}
        </>
      ) : null}
      {(revisions.data ?? []).length > 0 ? (
        <>
          <h2>{t('result.revisions')}</h2>
          <ol className="plain" data-testid="revisions">
            {(revisions.data ?? []).map((rev) => (
              <li key={rev.revision} className="card">
                <strong>{t('result.revision', { revision: rev.revision })}</strong>
                {' — '}
                {rev.reason ?? t('result.firstConfirmation')}
                <span className="muted block">
                  {t('result.revisionBy', {
                    actor: rev.actor,
                    when: new Date(rev.createdAt).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB'),
                  })}
                </span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

/** A correction after confirmation: new totals for one sheet and the reason, kept as a new revision. */
function RevisionForm(props: {
  conferenceId: string;
  result: ConferenceResultDto;
  sheets: readonly CountingSheet[];
  onSaved: () => void;
}) {
  const { conferenceId, result, sheets, onSaved } = props;
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [sheetId, setSheetId] = useState(sheets[0]?.sheetId ?? '');
  const sheet = sheets.find((s) => s.sheetId === sheetId);
  // Prefilled from the result (exact for a person listed on one sheet only).
  const prefill = (s: CountingSheet | undefined) =>
    Object.fromEntries(
      (s?.lines ?? []).map((l) => {
        const p = result.persons.find((x) => x.subjectId === l.subjectId);
        return [
          l.subjectId,
          {
            high: String(p?.high.count ?? 0),
            confidence: String(p?.confidence.count ?? 0),
            low: String(p?.low.count ?? 0),
            invalid: String(p?.invalidLines ?? 0),
          },
        ];
      }),
    );
  const [rows, setRows] = useState<Record<string, Record<string, string>>>(() => prefill(sheet));
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const reasonError = touched && reason.trim() === '' ? t('error.reason_required') : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (reason.trim() === '' || sheet === undefined) return;
    const persons: PersonTotals[] = sheet.lines.map((l) => {
      const row = rows[l.subjectId] ?? {};
      return {
        subjectId: l.subjectId,
        high: Number(row.high ?? 0),
        confidence: Number(row.confidence ?? 0),
        low: Number(row.low ?? 0),
        invalid: Number(row.invalid ?? 0),
      };
    });
    const answer = await dayApi.revise(conferenceId, {
      reason: reason.normalize('NFC').trim(),
      sheets: [{ sheetId, persons }],
    });
    if (answer.ok) {
      setOpen(false);
      setProblem(null);
      onSaved();
    } else setProblem(answer.error);
  };
  if (!open) {
    return (
      <p>
        <button
          type="button"
          className="secondary"
          onClick={() => setOpen(true)}
          aria-expanded="false"
        >
          {t('result.revise')}
        </button>
      </p>
    );
  }
  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate data-testid="revision-form">
      <h2>{t('result.revise')}</h2>
      {sheets.length > 1 ? (
        <div className="field">
          <label htmlFor="revision-sheet">{t('accounting.sheet')}</label>
          <select
            id="revision-sheet"
            value={sheetId}
            onChange={(e) => {
              setSheetId(e.target.value);
              setRows(prefill(sheets.find((s) => s.sheetId === e.target.value)));
            }}
          >
            {sheets.map((s) => (
              <option key={s.sheetId} value={s.sheetId}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('entry.person')}</th>
              {(['high', 'confidence', 'low', 'invalid'] as const).map((k) => (
                <th scope="col" key={k}>
                  {t(`aggregate.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(sheet?.lines ?? []).map((l) => (
              <tr key={l.subjectId}>
                <th scope="row">{l.fullName}</th>
                {(['high', 'confidence', 'low', 'invalid'] as const).map((k) => (
                  <td key={k}>
                    <input
                      inputMode="numeric"
                      className="count-input"
                      aria-label={`${t(`aggregate.${k}`)}: ${l.fullName}`}
                      value={rows[l.subjectId]?.[k] ?? ''}
                      onChange={(e) =>
                        setRows({
                          ...rows,
                          [l.subjectId]: { ...rows[l.subjectId], [k]: e.target.value },
                        })
                      }
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TextAreaField
        label={t('result.reason')}
        required
        rows={3}
        value={reason}
        error={reasonError}
        onChange={(e) => {
          setReason(e.target.value);
          setTouched(true);
        }}
      />
      <ProblemAlert problem={problem} />
      <div className="row-wrap">
        <button type="submit">{t('result.reviseSave')}</button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
