// Bỏ phiếu điện tử — the organiser's panel of a conference's electronic vote (issue 7 §1, §2, §4, §5):
// create it with its threshold, follow the committee's key ceremony and compare the fingerprint aloud
// (restart it while no key is fixed, spec §8.6), make and print the credential slips, open voting, void slips handed in for paper, close, follow the
// decryption, then the result and the record. Read-only for the inspector and the committee.

import { useEffect, useState, type FormEvent } from 'react';
import { defaultThreshold } from '../../../src/crypto/index.js';
import type { ElectionOverviewDto } from '../../../src/server/routes/election-schemas.js';
import type { ApiProblem } from '../api/client.js';
import { dayApi } from '../api/day-endpoints.js';
import { electionApi, recordUrl } from '../api/election-api.js';
import { api } from '../api/endpoints.js';
import { DayNav } from '../components/day-nav.js';
import { TextField } from '../components/field.js';
import { Notice, ProblemAlert } from '../components/problem.js';
import { QrCode } from '../components/qr-code.js';
import { SlipsPanel } from '../components/slips-panel.js';
import { useLoad } from '../components/use-load.js';
import { usePoll } from '../components/use-poll.js';
import { VoidPanel } from '../components/void-panel.js';
import { shortFingerprint } from '../components/short-fingerprint.js';
import { ALL_STYLE, slipPlan, type SlipBatch } from '../election/slip-batch.js';
import { partialsIn, trusteeStep } from '../election/trustee-step.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/vi.js';
import { Link } from '../router.js';
import { canOrganise, useSession } from '../session.js';
import { ConfirmButton } from '../components/confirm-card.js';
import '../styles/election.css';

/** How often the panel asks for the overview (the ceremony and the count move on other devices). */
const POLL_MS = 2000;

/** The election panel of one conference. */
export function ElectionScreen({ conferenceId }: { conferenceId: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const organiser = canOrganise(user);
  const overview = usePoll(
    () => electionApi.overview(conferenceId),
    POLL_MS,
    `election-${conferenceId}`,
  );
  const styles = useLoad(() => api.ballotStyles(conferenceId), `styles-${conferenceId}`);
  const [batch, setBatch] = useState<SlipBatch | null>(null);
  const o = overview.data;
  const missing = overview.problem?.code === 'not_found';
  const styleName = (id: string) =>
    id === ALL_STYLE ? t('election.allStyle') : (styles.data?.find((s) => s.id === id)?.name ?? id);
  // Once voting is open the slips are in voters' hands: the codes leave this page's memory.
  useEffect(() => {
    if (o && o.status !== 'keyed' && o.status !== 'registered') setBatch(null);
  }, [o]);

  return (
    <section className="day-screen election-panel" data-testid="election-panel">
      <DayNav conferenceId={conferenceId} />
      <h1>{t('election.title')}</h1>
      <p className="help">{t('election.help')}</p>
      {missing ? (
        organiser ? (
          <CreateElection
            conferenceId={conferenceId}
            onCreated={overview.refresh}
            styleName={styleName}
          />
        ) : (
          <p data-testid="election-none">{t('election.none')}</p>
        )
      ) : (
        <ProblemAlert problem={overview.problem} />
      )}
      {o ? (
        <>
          <p
            role="status"
            className={`status election-status election-status-${o.status}`}
            data-testid="election-status"
            data-status={o.status}
          >
            {t(`election.status.${o.status}` as MessageKey)}
          </p>
          <Ceremony
            conferenceId={conferenceId}
            overview={o}
            organiser={organiser}
            onChange={overview.refresh}
          />
          {organiser && (o.status === 'keyed' || o.status === 'registered') ? (
            <SlipsPanel
              conferenceId={conferenceId}
              overview={o}
              batch={batch}
              setBatch={setBatch}
              styleName={styleName}
              onRegistered={overview.refresh}
            />
          ) : null}
          {o.status === 'registered' || o.status === 'voting' ? (
            <Voting
              conferenceId={conferenceId}
              overview={o}
              organiser={organiser}
              onChange={overview.refresh}
            />
          ) : null}
          {organiser && (o.status === 'registered' || o.status === 'voting') ? (
            <VoidPanel
              conferenceId={conferenceId}
              overview={o}
              styleName={styleName}
              onVoided={overview.refresh}
            />
          ) : null}
          {o.status === 'closed' || o.status === 'decrypted' ? (
            <Count conferenceId={conferenceId} overview={o} />
          ) : null}
          <PublicLinks conferenceId={conferenceId} overview={o} />
        </>
      ) : null}
    </section>
  );
}

/**
 * The create form: the threshold t, ⌊n/2⌋+1 of the committee by default; and, while it can still be
 * fixed, which ballot styles list nobody voted on (their participants will get no slip).
 */
function CreateElection({
  conferenceId,
  onCreated,
  styleName,
}: {
  conferenceId: string;
  onCreated: () => void;
  styleName: (id: string) => string;
}) {
  const { t } = useI18n();
  const committee = useLoad(() => dayApi.committee(conferenceId), `election-cm-${conferenceId}`);
  const sheets = useLoad(() => dayApi.counting(conferenceId), `election-sh-${conferenceId}`);
  const participants = useLoad(() => api.participants(conferenceId), `election-p-${conferenceId}`);
  const skipped =
    sheets.data && participants.data
      ? slipPlan(
          participants.data,
          new Set(sheets.data.sheets.filter((st) => st.lines.length > 0).map((st) => st.sheetId)),
        ).skipped
      : [];
  const n = committee.data?.length ?? 0;
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const value = text ?? (n > 0 ? String(defaultThreshold(n)) : '');
  const threshold = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  const valid = Number.isSafeInteger(threshold) && threshold >= 1 && threshold <= n;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    setProblem(null);
    const r = await electionApi.create(conferenceId, threshold);
    if (r.ok) onCreated();
    else setProblem(r.error);
  };

  if (committee.data && n === 0) {
    return (
      <div className="card" data-testid="election-no-committee">
        <p>{t('election.noCommittee')}</p>
        <Link href={`/conferences/${encodeURIComponent(conferenceId)}/committee`}>
          {t('day.committee')}
        </Link>
      </div>
    );
  }
  return (
    <form
      className="card"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="election-create"
    >
      <h2>{t('election.create')}</h2>
      <p>{t('election.createHelp', { n })}</p>
      <ProblemAlert problem={problem ?? committee.problem} />
      {skipped.map((c) => (
        <p
          key={c.style}
          className="alert"
          role="status"
          data-testid="election-empty-style"
          data-style={c.style}
        >
          {t('election.emptyStyle', { style: styleName(c.style), count: c.count })}
        </p>
      ))}
      <TextField
        label={t('election.threshold')}
        help={n > 0 ? t('election.thresholdHelp', { n, t: defaultThreshold(n) }) : undefined}
        inputMode="numeric"
        value={value}
        onChange={(e) => setText(e.target.value)}
        error={value !== '' && !valid ? t('election.thresholdInvalid', { n }) : null}
        required
        data-testid="election-threshold"
      />
      <button type="submit" disabled={!valid} data-testid="election-create-submit">
        {t('election.createSubmit')}
      </button>
    </form>
  );
}

/** The statuses before the election key is fixed, when the ceremony may restart (CEREMONY_STATUSES, spec §8.6). */
const RESTARTABLE = new Set<ElectionOverviewDto['status']>([
  'keygen',
  'dealing',
  'checking',
  'acknowledging',
  'failed',
]);

/**
 * The key ceremony: each member's step, the fingerprint to read aloud, the link to the trustee page,
 * and for the organiser the restart while no key is fixed.
 */
function Ceremony({
  conferenceId,
  overview,
  organiser,
  onChange,
}: {
  conferenceId: string;
  overview: ElectionOverviewDto;
  organiser: boolean;
  onChange: () => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const restart = async () => {
    setBusy(true);
    setProblem(null);
    const r = await electionApi.restartCeremony(conferenceId, overview.ceremony);
    setBusy(false);
    if (r.ok) setNotice(t('election.restarted', { ceremony: r.value.ceremony }));
    else setProblem(r.error);
    onChange();
  };
  const trusteeLink = `${location.origin}/conferences/${encodeURIComponent(conferenceId)}/trustee`;
  return (
    <section className="card" aria-labelledby="ceremony-title" data-testid="ceremony">
      <h2 id="ceremony-title">{t('election.ceremony')}</h2>
      {overview.fingerprint !== null ? (
        <div className="election-fingerprint">
          <p>{t('election.fingerprintHelp')}</p>
          <p
            className="election-fingerprint-text"
            data-testid="election-fingerprint"
            data-fingerprint={overview.fingerprint}
          >
            {shortFingerprint(overview.fingerprint)}
          </p>
        </div>
      ) : null}
      <p>
        {t('election.thresholdLine', {
          t: overview.threshold,
          n: overview.trustees.length,
        })}
        {overview.ceremony > 1 ? (
          <>
            {' '}
            <span data-testid="ceremony-run">
              {t('election.ceremonyRun', { ceremony: overview.ceremony })}
            </span>
          </>
        ) : null}
      </p>
      <div className="table-wrap">
        <table className="trustee-table" data-testid="trustee-table">
          <thead>
            <tr>
              <th scope="col">{t('election.trustee')}</th>
              <th scope="col">{t('election.member')}</th>
              <th scope="col">{t('election.step')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.trustees.map((m) => {
              const step = trusteeStep(m);
              return (
                <tr
                  key={m.trustee}
                  data-testid="trustee-row"
                  data-trustee={m.trustee}
                  data-step={step}
                >
                  <td>{m.trustee}</td>
                  <th scope="row">{m.fullName}</th>
                  <td className={`trustee-step trustee-step-${step}`}>
                    {t(`election.step.${step}` as MessageKey)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {overview.status === 'failed' ? (
        <p className="alert alert-error" role="alert" data-testid="election-failed">
          {t('election.failedHelp')}
        </p>
      ) : null}
      <ProblemAlert problem={problem} />
      <Notice text={notice} />
      {organiser && RESTARTABLE.has(overview.status) ? (
        <div className="ceremony-restart" data-testid="ceremony-restart">
          <p className="help">{t('election.restartHelp')}</p>
          <ConfirmButton
            trigger={t('election.restart')}
            triggerClass="secondary"
            triggerTestId="ceremony-restart-button"
            label={t('election.restart')}
            question={t('election.restartConfirm')}
            submit={t('election.restartSubmit')}
            cancel={t('common.cancel')}
            onConfirm={restart}
            busy={busy}
            danger
            testId="ceremony-restart-confirm"
          />
        </div>
      ) : null}
      <div className="trustee-link">
        <p>{t('election.trusteeLinkHelp')}</p>
        <p>
          <Link
            href={`/conferences/${encodeURIComponent(conferenceId)}/trustee`}
            data-testid="trustee-link"
          >
            {trusteeLink}
          </Link>
        </p>
        <QrCode text={trusteeLink} label={t('election.trusteeQr')} className="qr-code small-qr" />
      </div>
    </section>
  );
}

/** Open voting, the figures while it runs, and close with a confirmation. */
function Voting({
  conferenceId,
  overview,
  organiser,
  onChange,
}: {
  conferenceId: string;
  overview: ElectionOverviewDto;
  organiser: boolean;
  onChange: () => void;
}) {
  const { t } = useI18n();
  const progress = usePoll(
    () => electionApi.progress(conferenceId),
    POLL_MS,
    `election-progress-${conferenceId}-${overview.status}`,
  );
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (call: () => Promise<{ ok: boolean; error?: ApiProblem }>) => {
    setBusy(true);
    setProblem(null);
    const r = await call();
    setBusy(false);
    if (!r.ok) setProblem(r.error ?? null);
    onChange();
  };
  const booth = `${location.origin}/booth/${encodeURIComponent(conferenceId)}`;
  return (
    <section className="card" aria-labelledby="voting-title" data-testid="voting-panel">
      <h2 id="voting-title">{t('election.voting')}</h2>
      <ProblemAlert problem={problem} />
      {progress.data ? (
        <p data-testid="voting-progress">
          {t('election.progress', {
            received: progress.data.ballotsReceived,
            present: progress.data.present,
          })}
        </p>
      ) : null}
      <p>
        {t('election.boothLink')}{' '}
        <a href={booth} data-testid="booth-link">
          {booth}
        </a>
      </p>
      {organiser && overview.status === 'registered' ? (
        <button
          type="button"
          onClick={() => void act(() => electionApi.open(conferenceId))}
          disabled={busy}
          data-testid="voting-open"
        >
          {t('election.open')}
        </button>
      ) : null}
      {organiser && overview.status === 'voting' ? (
        <ConfirmButton
          trigger={t('election.close')}
          triggerClass="danger"
          triggerTestId="voting-close"
          label={t('election.close')}
          question={t('election.closeConfirm')}
          submit={t('election.closeSubmit')}
          cancel={t('common.cancel')}
          onConfirm={() => act(() => electionApi.close(conferenceId))}
          busy={busy}
          danger
          testId="voting-close-confirm"
        />
      ) : null}
    </section>
  );
}

/** After closing: the tally, the partial decryptions in of t, then the result. */
function Count({
  conferenceId,
  overview,
}: {
  conferenceId: string;
  overview: ElectionOverviewDto;
}) {
  const { t } = useI18n();
  const { done, needed } = partialsIn(overview);
  const decrypted = overview.status === 'decrypted';
  return (
    <section className="card" aria-labelledby="count-title" data-testid="count-panel">
      <h2 id="count-title">{t('election.count')}</h2>
      <p>{t('election.tallied', { voided: overview.voided })}</p>
      <p data-testid="count-partials" data-done={done} data-needed={needed}>
        {t('election.partials', { done: Math.min(done, needed), needed })}
      </p>
      {decrypted ? (
        <>
          <Notice text={t('election.decrypted')} />
          <ElectronicCounts conferenceId={conferenceId} />
          <p>
            <Link
              href={`/conferences/${encodeURIComponent(conferenceId)}/result`}
              data-testid="count-result-link"
            >
              {t('election.toResult')}
            </Link>
          </p>
        </>
      ) : (
        <p className="help">{t('election.decryptHelp')}</p>
      )}
    </section>
  );
}

/** The decrypted electronic counts per person (before the paper ballots are added). */
function ElectronicCounts({ conferenceId }: { conferenceId: string }) {
  const { t, int } = useI18n();
  const counts = useLoad(() => electionApi.counts(conferenceId), `counts-${conferenceId}`);
  const booth = useLoad(() => electionApi.booth(conferenceId), `counts-names-${conferenceId}`);
  const name = (id: string) => booth.data?.manifest.persons.find((p) => p.id === id)?.name ?? id;
  if (counts.problem) return <ProblemAlert problem={counts.problem} />;
  if (!counts.data) return null;
  return (
    <div className="table-wrap">
      <table className="trustee-table" data-testid="electronic-counts">
        <caption>{t('election.countsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('election.person')}</th>
            <th scope="col">{t('election.counted')}</th>
            <th scope="col">{t('result.high')}</th>
            <th scope="col">{t('result.confidence')}</th>
            <th scope="col">{t('result.low')}</th>
            <th scope="col">{t('election.invalidLines')}</th>
          </tr>
        </thead>
        <tbody>
          {counts.data.persons.map((p) => (
            <tr key={p.subjectId} data-testid="electronic-count-row" data-subject={p.subjectId}>
              <th scope="row">{name(p.subjectId)}</th>
              <td>{int(p.counted)}</td>
              <td>{int(p.high)}</td>
              <td>{int(p.confidence)}</td>
              <td>{int(p.low)}</td>
              <td>{int(p.invalid)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The public board and the record, for anyone to check (tinnhiem verify). */
function PublicLinks({
  conferenceId,
  overview,
}: {
  conferenceId: string;
  overview: ElectionOverviewDto;
}) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="public-title" data-testid="public-links">
      <h2 id="public-title">{t('election.public')}</h2>
      <p className="help">{t('election.publicHelp')}</p>
      <ul className="plain">
        <li>
          <Link href={`/board/${encodeURIComponent(conferenceId)}`} data-testid="board-link">
            {t('election.boardLink')}
          </Link>
        </li>
        <li>
          <a href={recordUrl(conferenceId)} download="record.json" data-testid="record-link">
            {t('election.recordLink')}
          </a>{' '}
          <span className="muted">{t('election.recordInfo', { events: overview.events })}</span>
        </li>
      </ul>
    </section>
  );
}
