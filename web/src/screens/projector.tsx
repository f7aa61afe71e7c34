// Trình chiếu — the projector page, full screen and readable from the back of the hall: the roll call's figures,
// during the count only its progress (ballots entered / collected, never partial results), and after the head's
// confirmation the result table and the bar chart. During an electronic vote only ballots received / voters
// present and the booth's address as a QR code. Fetches again on each live update (SSE), polling every 2 s
// only while the stream is down.

import { useRef } from 'react';
import { dayApi } from '../api/day-endpoints.js';
import { ProblemAlert } from '../components/problem.js';
import { QrCode } from '../components/qr-code.js';
import { useLive, type LiveTopic } from '../components/use-live.js';
import { ResultChart } from '../components/result-chart.js';
import { ResultTable } from '../components/result-table.js';
import { usePoll } from '../components/use-poll.js';
import { progressShare } from '../counting/result-view.js';
import { useI18n } from '../i18n/i18n.js';
import '../styles/day.css';
import '../styles/election.css';

/** Every topic moves the projector: attendance, count, election, result, the conference's status. */
const PROJECTOR_TOPICS: readonly LiveTopic[] = [
  'roll-call',
  'counting',
  'election',
  'result',
  'conference',
];

/** While the stream is up, a slow poll only as a safety net. */
const LIVE_POLL_MS = 30_000;

/** Type scaled to the number of persons, so a whole result fits one 1920×1080 screen. */
function density(persons: number): string {
  if (persons > 8) return 'projector-dense';
  if (persons > 4) return 'projector-medium';
  return '';
}

/** The projector page of a conference. */
export function ProjectorScreen({ conferenceId }: { conferenceId: string }) {
  const { t, lang, date, int } = useI18n();
  const refetch = useRef<() => void>(() => undefined);
  const live = useLive(conferenceId, PROJECTOR_TOPICS, () => refetch.current());
  const view = usePoll(
    () => dayApi.projector(conferenceId),
    live ? LIVE_POLL_MS : 2000,
    `pj-${conferenceId}`,
  );
  refetch.current = view.refresh;
  const v = view.data;
  // Until the committee closes voting, the electronic count is all the room sees.
  const voting = v?.election?.status === 'voting';
  const boothUrl = `${window.location.origin}/booth/${encodeURIComponent(conferenceId)}`;
  // A phone cannot open localhost: say how to serve the room's network instead.
  const loopback = /^(localhost|127\.[\d.]+|\[::1\])$/.test(window.location.hostname);
  const full = () => {
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };
  return (
    <div
      className={`projector ${density(v?.result?.persons.length ?? 0)}`}
      data-testid="projector"
      data-phase={voting ? 'electronic' : (v?.phase ?? 'loading')}
      data-live={live ? 'on' : 'off'}
    >
      <button type="button" className="projector-full small secondary" onClick={full}>
        {t('projector.fullscreen')}
      </button>
      <ProblemAlert problem={view.data === undefined ? view.problem : null} />
      {v ? (
        <>
          <header className="projector-head">
            <p className="projector-unit">
              {v.unitName} · {date(v.date)}
            </p>
            <h1>{v.title}</h1>
          </header>
          {voting && v.election ? (
            <div className="projector-center projector-electronic">
              <p className="projector-label">{t('projector.electronic')}</p>
              <p className="projector-line">{t('projector.ballotsReceived')}</p>
              <p className="projector-big" data-testid="projector-ballots">
                {int(v.election.ballotsReceived)}/{int(v.election.present)}
              </p>
              <p className="visually-hidden" aria-live="polite">
                {t('projector.ballotsLine', {
                  received: v.election.ballotsReceived,
                  present: v.election.present,
                })}
              </p>
              <figure className="projector-qr">
                <QrCode
                  text={boothUrl}
                  label={t('projector.boothQr', { url: boothUrl })}
                  className="qr-code projector-qr-code"
                />
                <figcaption>
                  <strong>{t('projector.openOnPhone')}</strong>
                  <span className="projector-url" data-testid="projector-booth-url">
                    {boothUrl}
                  </span>
                </figcaption>
              </figure>
              {loopback ? (
                <p className="projector-note" data-testid="projector-loopback">
                  {t('projector.loopback')}
                </p>
              ) : null}
              <p className="projector-note">{t('projector.electronicNote')}</p>
            </div>
          ) : null}
          {!voting && v.phase === 'preparing' ? (
            <p className="projector-big">{t('projector.preparing')}</p>
          ) : null}
          {!voting && v.phase === 'roll-call' ? (
            <div className="projector-center">
              <p className="projector-label">{t('projector.rollCall')}</p>
              <p className="projector-big" data-testid="projector-quorum">
                {int(v.quorum.present)}/{int(v.quorum.summoned)}
              </p>
              <p className="projector-line">
                {v.quorum.met
                  ? t('quorum.met')
                  : t('quorum.notMet', {
                      missing: Math.max(0, v.quorum.threshold - v.quorum.present),
                    })}
              </p>
            </div>
          ) : null}
          {!voting && v.phase === 'counting' ? (
            <div className="projector-center">
              <p className="projector-label">{t('projector.counting')}</p>
              <p className="projector-big" data-testid="projector-progress">
                {int(v.progress.ballotsEntered)}/{int(v.progress.collected)}
              </p>
              <svg
                className="projector-progress"
                viewBox="0 0 10000 100"
                preserveAspectRatio="none"
                role="img"
                aria-label={t('projector.progress', {
                  entered: v.progress.ballotsEntered,
                  collected: v.progress.collected,
                })}
              >
                <rect x={0} y={0} width={10000} height={100} className="progress-track" />
                <rect
                  x={0}
                  y={0}
                  width={progressShare(v.progress.ballotsEntered, v.progress.collected)}
                  height={100}
                  className="progress-fill"
                />
              </svg>
              <p className="projector-line">
                {t('projector.progress', {
                  entered: v.progress.ballotsEntered,
                  collected: v.progress.collected,
                })}
              </p>
              {v.progress.sheets.length > 1 ? (
                <ul className="projector-sheets">
                  {v.progress.sheets.map((s) => (
                    <li key={s.sheetId}>
                      {s.name}: {int(s.ballotsEntered)}/{int(s.collected)}
                    </li>
                  ))}
                </ul>
              ) : null}
              <p className="projector-note">{t('projector.noPartial')}</p>
            </div>
          ) : null}
          {!voting && (v.phase === 'confirmed' || v.phase === 'published') && v.result ? (
            <div className="projector-result">
              <h2>{t('projector.result')}</h2>
              {v.result.summary ? (
                <p className="projector-summary" data-testid="projector-summary">
                  <strong data-testid="projector-reached">
                    {t('result.reached', {
                      reached: v.result.summary.reached,
                      total: v.result.summary.total,
                      share: v.result.summary.share,
                    })}
                  </strong>
                  <span className="visually-hidden"> {v.result.summary[lang]}</span>
                </p>
              ) : null}
              <div className="projector-grid">
                <ResultTable result={v.result} large />
                <ResultChart result={v.result} />
              </div>
              <p className="projector-base">{t(`result.base.${v.result.baseKind}`)}</p>
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
