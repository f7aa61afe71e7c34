// Đối chiếu — every ballot whose two entries differ, side by side with the differing lines marked, until they agree;
// the head may take one entry for the other (contract §4: the head may correct either slot).

import { useState } from 'react';
import { readEntryKey } from '../../../src/core/counting/entry-keys.js';
import type { ApiProblem } from '../api/client.js';
import { dayApi } from '../api/day-endpoints.js';
import type { BallotEntryDto, CountingSheet, ReconciliationDto, Slot } from '../api/day-types.js';
import { DayNav } from '../components/day-nav.js';
import { ProblemAlert } from '../components/problem.js';
import { useLoad } from '../components/use-load.js';
import { usePoll } from '../components/use-poll.js';
import { newClientId } from '../counting/ballot-sync.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/vi.js';

/** The reconciliation screen: one section per sheet entered ballot by ballot. */
export function ReconciliationScreen({ conferenceId }: { conferenceId: string }) {
  const { t } = useI18n();
  const overview = useLoad(() => dayApi.counting(conferenceId), `rc-${conferenceId}`);
  const sheets = (overview.data?.sheets ?? []).filter(
    (s) => s.mode === 'ballots' && s.accounting !== null,
  );
  return (
    <section className="day-screen">
      <DayNav conferenceId={conferenceId} />
      <h1>{t('reconcile.title')}</h1>
      <ProblemAlert problem={overview.problem} />
      <p className="help">{t('reconcile.help')}</p>
      {sheets.map((sheet) => (
        <SheetReconciliation key={sheet.sheetId} conferenceId={conferenceId} sheet={sheet} />
      ))}
    </section>
  );
}

function markWord(key: string | undefined): MessageKey {
  const mark = key === undefined ? null : readEntryKey(key);
  if (mark === null || mark === 'void') return 'entry.mark.empty';
  return `entry.mark.${mark}`;
}

function SheetReconciliation({
  conferenceId,
  sheet,
}: {
  conferenceId: string;
  sheet: CountingSheet;
}) {
  const { t } = useI18n();
  const rec = usePoll(
    () => dayApi.reconciliation(conferenceId, sheet.sheetId),
    4000,
    `${conferenceId}-${sheet.sheetId}`,
  );
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const data: ReconciliationDto | undefined = rec.data;

  // The head copies one slot's reading over the other, as the next version of that slot's entry.
  const take = async (from: BallotEntryDto, into: Slot, current: BallotEntryDto | null) => {
    setProblem(null);
    const result = await dayApi.saveBallot(conferenceId, sheet.sheetId, from.ballotNumber, into, {
      clientId: newClientId(),
      version: (current?.version ?? 0) + 1,
      void: from.void,
      marks: from.marks,
    });
    if (!result.ok) setProblem(result.error);
    rec.refresh();
  };

  return (
    <section
      className="panel"
      aria-labelledby={`rec-${sheet.sheetId}`}
      data-testid="reconciliation"
    >
      <h2 id={`rec-${sheet.sheetId}`}>
        {t('accounting.sheet')}: {sheet.name}
      </h2>
      <ProblemAlert problem={problem ?? rec.problem} />
      {data ? (
        <>
          <p role="status" data-testid="reconciliation-summary">
            {t('reconcile.summary', {
              agreed: data.agreed,
              collected: data.collected,
              differences: data.differences.length,
              missing: data.missing.length,
            })}
          </p>
          {data.complete ? <p className="alert alert-ok">{t('reconcile.none')}</p> : null}
          {data.differences.map((d) => (
            <article key={d.ballotNumber} className="card difference" data-testid="difference">
              <h3>{t('reconcile.ballot', { number: d.ballotNumber })}</h3>
              <div className="table-wrap">
                <table className="difference-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('entry.person')}</th>
                      {(['a', 'b'] as const).map((slot) => (
                        <th scope="col" key={slot}>
                          {t('reconcile.byMember', {
                            slot: t(slot === 'a' ? 'entry.slotA' : 'entry.slotB'),
                            name: d[slot]?.memberName ?? '—',
                          })}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {sheet.lines.map((line, i) => {
                      const differs = d.lines.includes(i);
                      return (
                        <tr key={line.subjectId} className={differs ? 'line-differs' : ''}>
                          <th scope="row">
                            {line.fullName}
                            {differs ? <span className="visually-hidden"> (≠)</span> : null}
                          </th>
                          {(['a', 'b'] as const).map((slot) => {
                            const e = d[slot];
                            return (
                              <td key={slot}>
                                {e === null
                                  ? t('reconcile.notEntered')
                                  : e.void
                                    ? t('reconcile.voidShort')
                                    : `${e.marks[i] ?? '·'} · ${t(markWord(e.marks[i]))}`}
                              </td>
                            );
                          })}
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              <div className="row-wrap">
                {d.a ? (
                  <button
                    type="button"
                    className="small secondary"
                    onClick={() => void take(d.a!, 'b', d.b)}
                  >
                    {t('reconcile.useA')}
                  </button>
                ) : null}
                {d.b ? (
                  <button
                    type="button"
                    className="small secondary"
                    onClick={() => void take(d.b!, 'a', d.a)}
                  >
                    {t('reconcile.useB')}
                  </button>
                ) : null}
              </div>
            </article>
          ))}
          {data.missing.length > 0 ? (
            <p className="muted">
              {t('reconcile.notEntered')}: {data.missing.slice(0, 50).map(String).join(', ')}
              {data.missing.length > 50 ? '…' : ''}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
