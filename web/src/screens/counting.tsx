// Kiểm phiếu — per ballot style: ballots issued / collected / spoiled (refused while the quorum does not hold, and
// collected > issued refused), the way to ballot-by-ballot entry, and aggregate entry with its line check.

import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '../api/client.js';
import { dayApi } from '../api/day-endpoints.js';
import type { CountingSheet, PersonTotals, QuorumStatus } from '../api/day-types.js';
import { DayNav } from '../components/day-nav.js';
import { Notice, ProblemAlert } from '../components/problem.js';
import { QuorumPanel } from '../components/quorum-panel.js';
import { usePoll } from '../components/use-poll.js';
import { useI18n } from '../i18n/i18n.js';
import { Link } from '../router.js';

/** The counting screen of a conference (the committee's desk). */
export function CountingScreen({ conferenceId }: { conferenceId: string }) {
  const { t } = useI18n();
  const overview = usePoll(() => dayApi.counting(conferenceId), 5000, `ct-${conferenceId}`);
  const data = overview.data;
  return (
    <section className="day-screen">
      <DayNav conferenceId={conferenceId} />
      <h1>{t('day.counting')}</h1>
      <ProblemAlert problem={overview.problem} />
      {data ? (
        <>
          <QuorumPanel quorum={data.quorum} />
          {data.sheets.map((sheet) => (
            <SheetCard
              key={sheet.sheetId}
              conferenceId={conferenceId}
              sheet={sheet}
              quorum={data.quorum}
              locked={data.locked}
              onChanged={overview.refresh}
            />
          ))}
        </>
      ) : null}
    </section>
  );
}

function SheetCard(props: {
  conferenceId: string;
  sheet: CountingSheet;
  quorum: QuorumStatus;
  locked: boolean;
  onChanged: () => void;
}) {
  const { conferenceId, sheet, quorum, locked, onChanged } = props;
  const { t } = useI18n();
  const [aggregate, setAggregate] = useState(sheet.mode === 'aggregate');
  const a = sheet.accounting;
  const collected = a?.collected ?? 0;
  return (
    <article
      className="panel sheet-card"
      data-testid="sheet-card"
      aria-labelledby={`sheet-${sheet.sheetId}`}
    >
      <h2 id={`sheet-${sheet.sheetId}`}>
        {t('accounting.sheet')}: {sheet.name}
      </h2>
      <p className="muted">
        {t('accounting.lines', { count: sheet.lines.length })}
        {sheet.mode ? ` · ${t(`accounting.mode.${sheet.mode}`)}` : ''}
      </p>
      <AccountingForm
        key={a ? `${a.issued}-${a.collected}-${a.spoiledExchanged}` : 'none'}
        conferenceId={conferenceId}
        sheet={sheet}
        quorum={quorum}
        disabled={locked}
        onSaved={onChanged}
      />
      {a ? (
        <>
          <p data-testid="sheet-progress">
            {t('accounting.entered', {
              a: sheet.entered.a,
              b: sheet.entered.b,
              agreed: sheet.agreed,
              collected,
            })}
          </p>
          {sheet.complete ? <p className="alert alert-ok">{t('accounting.complete')}</p> : null}
          {!locked ? (
            <div className="row-wrap">
              {sheet.mode !== 'aggregate' ? (
                <Link
                  className="button"
                  href={`/conferences/${encodeURIComponent(conferenceId)}/entry/${encodeURIComponent(sheet.sheetId)}`}
                >
                  {t('accounting.enter')}
                </Link>
              ) : null}
              {sheet.mode !== 'ballots' ? (
                <button
                  type="button"
                  className="secondary"
                  aria-expanded={aggregate}
                  onClick={() => setAggregate((x) => !x)}
                >
                  {t('accounting.aggregate')}
                </button>
              ) : null}
            </div>
          ) : null}
          {aggregate && sheet.mode !== 'ballots' && !locked ? (
            <AggregateForm
              conferenceId={conferenceId}
              sheet={sheet}
              collected={collected}
              onSaved={onChanged}
            />
          ) : null}
        </>
      ) : (
        <p className="muted">{t('accounting.missing')}</p>
      )}
    </article>
  );
}

/** A whole number typed in a field, or null while it is not one. */
function wholeNumber(text: string): number | null {
  return /^\d{1,7}$/.test(text.trim()) ? Number(text.trim()) : null;
}

function AccountingForm(props: {
  conferenceId: string;
  sheet: CountingSheet;
  quorum: QuorumStatus;
  disabled: boolean;
  onSaved: () => void;
}) {
  const { conferenceId, sheet, quorum, disabled, onSaved } = props;
  const { t } = useI18n();
  const a = sheet.accounting;
  const [issued, setIssued] = useState(a ? String(a.issued) : '');
  const [collected, setCollected] = useState(a ? String(a.collected) : '');
  const [spoiled, setSpoiled] = useState(a ? String(a.spoiledExchanged) : '0');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const values = [wholeNumber(issued), wholeNumber(collected), wholeNumber(spoiled)] as const;
  // Checked as typed, in the same words the server's refusal would use.
  const localError =
    values.some((v) => v === null) && (issued + collected + spoiled).trim() !== ''
      ? t('error.invalid_count')
      : values[0] !== null && values[1] !== null && values[1] > values[0]
        ? t('error.collected_exceeds_issued')
        : null;
  const blocked = !quorum.met;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const [i, c, s] = values;
    if (i === null || c === null || s === null || localError !== null) return;
    const result = await dayApi.setAccounting(conferenceId, sheet.sheetId, {
      issued: i,
      collected: c,
      spoiledExchanged: s,
    });
    if (result.ok) {
      setProblem(null);
      setNotice(t('common.saved'));
      onSaved();
    } else setProblem(result.error);
  };
  const id = `acc-${sheet.sheetId}`;
  return (
    <form className="accounting-form" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset disabled={disabled || blocked}>
        <legend>{t('accounting.title')}</legend>
        {blocked ? <p className="alert alert-error">{t('quorum.issueBlocked')}</p> : null}
        <div className="form-grid three">
          {(
            [
              ['issued', issued, setIssued, 'accounting.issued'],
              ['collected', collected, setCollected, 'accounting.collected'],
              ['spoiled', spoiled, setSpoiled, 'accounting.spoiled'],
            ] as const
          ).map(([name, value, set, label]) => (
            <div className="field" key={name}>
              <label htmlFor={`${id}-${name}`}>{t(label)}</label>
              <input
                id={`${id}-${name}`}
                inputMode="numeric"
                value={value}
                aria-invalid={localError !== null && name !== 'spoiled' ? true : undefined}
                aria-describedby={`${id}-error`}
                onChange={(e) => set(e.target.value)}
              />
            </div>
          ))}
        </div>
        <p id={`${id}-error`} className="error-text" aria-live="polite">
          {localError ?? ''}
        </p>
        <button type="submit" disabled={localError !== null}>
          {t('accounting.save')}
        </button>
      </fieldset>
      <ProblemAlert problem={problem} />
      <Notice text={notice} />
    </form>
  );
}

/** Totals per person, each row checked: high + confidence + low + invalid = ballots collected. */
function AggregateForm(props: {
  conferenceId: string;
  sheet: CountingSheet;
  collected: number;
  onSaved: () => void;
}) {
  const { conferenceId, sheet, collected, onSaved } = props;
  const { t, int } = useI18n();
  const [rows, setRows] = useState<Record<string, Record<Level, string>>>(() =>
    Object.fromEntries(
      sheet.lines.map((l) => [l.subjectId, { high: '', confidence: '', low: '', invalid: '0' }]),
    ),
  );
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const totals = sheet.lines.map((l) => {
    const row = rows[l.subjectId]!;
    const nums = LEVELS_AND_INVALID.map((k) => wholeNumber(row[k]));
    const sum = nums.every((n) => n !== null)
      ? nums.reduce<number>((s, n) => s + (n ?? 0), 0)
      : null;
    return { line: l, row, nums, sum };
  });
  const wrong = totals.filter((x) => x.sum !== collected).length;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    if (wrong > 0) return;
    const persons: PersonTotals[] = totals.map((x) => ({
      subjectId: x.line.subjectId,
      high: x.nums[0]!,
      confidence: x.nums[1]!,
      low: x.nums[2]!,
      invalid: x.nums[3]!,
    }));
    const result = await dayApi.setAggregate(conferenceId, sheet.sheetId, persons);
    if (result.ok) {
      setProblem(null);
      setNotice(t('common.saved'));
      onSaved();
    } else setProblem(result.error);
  };
  return (
    <form
      className="aggregate-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="aggregate-form"
    >
      <h3>{t('aggregate.title')}</h3>
      <p className="help">{t('aggregate.help', { collected })}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('entry.person')}</th>
              {LEVELS_AND_INVALID.map((k) => (
                <th scope="col" key={k}>
                  {t(`aggregate.${k}`)}
                </th>
              ))}
              <th scope="col">{t('aggregate.sum')}</th>
            </tr>
          </thead>
          <tbody>
            {totals.map(({ line, row, sum }) => (
              <tr key={line.subjectId} className={sum === collected ? '' : 'row-mismatch'}>
                <th scope="row">
                  {line.fullName}
                  <span className="muted block">{line.title}</span>
                </th>
                {LEVELS_AND_INVALID.map((k) => (
                  <td key={k}>
                    <input
                      inputMode="numeric"
                      className="count-input"
                      aria-label={`${t(`aggregate.${k}`)}: ${line.fullName}`}
                      value={row[k]}
                      onChange={(e) =>
                        setRows({ ...rows, [line.subjectId]: { ...row, [k]: e.target.value } })
                      }
                    />
                  </td>
                ))}
                <td data-testid="aggregate-sum">
                  {sum === null ? '—' : int(sum)}{' '}
                  <span className={sum === collected ? 'ok-text' : 'error-text'}>
                    {sum === collected
                      ? t('aggregate.ok')
                      : sum === null
                        ? ''
                        : t('aggregate.mismatch', { diff: sum - collected })}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {wrong > 0 ? (
        <p className="error-text" aria-live="polite">
          {t('aggregate.blocked', { count: wrong })}
        </p>
      ) : null}
      <ProblemAlert problem={problem} />
      <Notice text={notice} />
      <button type="submit" disabled={wrong > 0}>
        {t('aggregate.save')}
      </button>
    </form>
  );
}

type Level = 'high' | 'confidence' | 'low' | 'invalid';
const LEVELS_AND_INVALID: readonly Level[] = ['high', 'confidence', 'low', 'invalid'];
