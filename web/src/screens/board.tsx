// Bảng công khai — the public board of an electronic vote (issue 7 §4, spec §7.3): every ballot's
// tracker in record order, cast or audited, a search so a voter finds their own, the record's head
// hash, and the board and the record to download. No session, like the booth.

import { useMemo, useState } from 'react';
import { boardUrl, electionApi, recordUrl } from '../api/election-api.js';
import { TextField } from '../components/field.js';
import { ProblemAlert } from '../components/problem.js';
import { usePoll } from '../components/use-poll.js';
import { boardCsv, searchBoard } from '../election/board-export.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/vi.js';
import '../styles/election.css';

/** How often the board is read again while voting runs. */
const POLL_MS = 5000;

/** The public board of one conference's electronic vote. */
export function BoardScreen({ conferenceId }: { conferenceId: string }) {
  const { t } = useI18n();
  const board = usePoll(() => electionApi.board(conferenceId), POLL_MS, `board-${conferenceId}`);
  const [query, setQuery] = useState('');
  const b = board.data;
  const found = useMemo(() => (b ? searchBoard(b.ballots, query) : []), [b, query]);
  const downloadCsv = () => {
    if (!b) return;
    const href = URL.createObjectURL(new Blob([boardCsv(b)], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = href;
    a.download = 'bang-cong-khai.csv';
    a.click();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  };
  const cast = b?.ballots.filter((x) => x.kind === 'cast').length ?? 0;

  return (
    <section className="board" data-testid="board">
      <h1>{t('board.title')}</h1>
      <p className="help">{t('board.help')}</p>
      <ProblemAlert problem={board.problem} />
      {b ? (
        <>
          <p role="status" data-testid="board-status" data-status={b.status}>
            {t(`election.status.${b.status}` as MessageKey)}
          </p>
          <p data-testid="board-counts">
            {t('board.counts', { total: b.ballots.length, cast, audited: b.ballots.length - cast })}
          </p>
          <p className="board-head">
            {t('board.head')} <code data-testid="board-head">{b.head ?? '—'}</code>
          </p>
          <div className="row-wrap">
            <button
              type="button"
              className="secondary"
              onClick={downloadCsv}
              data-testid="board-csv"
            >
              {t('board.downloadCsv')}
            </button>
            <a
              className="button secondary"
              href={boardUrl(conferenceId)}
              download="bang-cong-khai.json"
              data-testid="board-json"
            >
              {t('board.downloadJson')}
            </a>
            <a
              className="button secondary"
              href={recordUrl(conferenceId)}
              download="record.json"
              data-testid="board-record"
            >
              {t('board.downloadRecord')}
            </a>
          </div>
          <TextField
            label={t('board.search')}
            help={t('board.searchHelp')}
            type="search"
            value={query}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="board-search"
          />
          <p aria-live="polite" data-testid="board-found">
            {query.trim() === ''
              ? ''
              : found.length === 0
                ? t('board.notFound')
                : t('board.found', { count: found.length })}
          </p>
          <div className="table-wrap">
            <table className="board-table" data-testid="board-table">
              <thead>
                <tr>
                  <th scope="col">{t('board.seq')}</th>
                  <th scope="col">{t('board.tracker')}</th>
                  <th scope="col">{t('board.kind')}</th>
                </tr>
              </thead>
              <tbody>
                {found.map((x) => (
                  <tr
                    key={x.seq}
                    data-testid="board-row"
                    data-tracker={x.tracker}
                    data-kind={x.kind}
                  >
                    <td>{x.seq}</td>
                    <td>
                      <code>{x.tracker}</code>
                    </td>
                    <td>{t(`board.kind.${x.kind}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
