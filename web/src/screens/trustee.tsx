// Trang thành viên giữ khóa (issue 7 §1, §5) — a counting-committee member runs the key ceremony on their
// own device (key, shares, check, key file, acknowledgement) and later decrypts their part of the count.
// The secrets stay here: in this tab's sessionStorage during the ceremony, then only in the member's file.
// A member whose tab lost them may restart the ceremony (spec §8.6); every page then starts again.

import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { systemRandom } from '../../../src/crypto/index.js';
import type {
  ElectionOverviewDto,
  TrusteeViewDto,
} from '../../../src/server/routes/election-schemas.js';
import type { ApiProblem, ApiResult } from '../api/client.js';
import { DayNav } from '../components/day-nav.js';
import { ConfirmButton } from '../components/confirm-card.js';
import { ProblemAlert } from '../components/problem.js';
import { QrScanner } from '../components/qr-scanner.js';
import { shortFingerprint } from '../components/short-fingerprint.js';
import { usePoll } from '../components/use-poll.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/vi.js';
import {
  keyFileName,
  keyFileQr,
  keyFileText,
  makeKeyFile,
  parseKeyFile,
  type KeyFile,
} from '../trustee/key-file.js';
import { KeyQr } from '../trustee/key-qr.js';
import { decryptInWorker, trusteeApi } from '../trustee/trustee-client.js';
import {
  acknowledge,
  ceremonyOf,
  checkShares,
  combinedShare,
  dealShares,
  decodeState,
  encodeState,
  fromEarlierCeremony,
  nextStep,
  startCeremony,
  stateFits,
  type CeremonyState,
  type CeremonyStep,
} from '../trustee/trustee-ceremony.js';
import '../styles/trustee.css';

const POLL_MS = 1500;
/** The statuses of the key ceremony, while the secrets exist only in this tab. */
const CEREMONY = new Set<TrusteeViewDto['status']>([
  'keygen',
  'dealing',
  'checking',
  'acknowledging',
]);
const local = (code: string): ApiProblem => ({ code, message: '', status: 0 });

interface Snapshot {
  readonly view: TrusteeViewDto;
  readonly overview: ElectionOverviewDto | null;
}

/** The trustee page of one conference. */
export function TrusteeScreen({ conferenceId }: { conferenceId: string }) {
  const { t } = useI18n();
  const storageKey = `tinnhiem.trustee.${conferenceId}`;
  const [state, setState] = useState<CeremonyState | null>(() =>
    decodeState(readSession(storageKey), conferenceId),
  );
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  /** A step refused by the server is not retried by itself (a network failure is). */
  const [stuck, setStuck] = useState<string | null>(null);
  const [kept, setKept] = useState<'file' | 'qr' | null>(null);
  const [showQr, setShowQr] = useState(false);
  const [scan, setScan] = useState(false);
  const [progress, setProgress] = useState<[number, number] | null>(null);
  /** This page dropped secrets of a ceremony that was restarted since. */
  const [dropped, setDropped] = useState(false);
  const busy = useRef(false);

  const poll = usePoll<Snapshot>(
    async (): Promise<ApiResult<Snapshot>> => {
      const view = await trusteeApi.view(conferenceId);
      if (!view.ok) return view;
      const overview = await trusteeApi.overview(conferenceId);
      return {
        ok: true,
        value: { view: view.value, overview: overview.ok ? overview.value : null },
      };
    },
    POLL_MS,
    conferenceId,
  );
  const view = poll.data?.view;
  const overview = poll.data?.overview ?? null;
  const step: CeremonyStep | null = view ? nextStep(view, state) : null;

  /** Keeps the state in memory and, during the ceremony, in this tab's sessionStorage. */
  const keep = (s: CeremonyState) => {
    setState(s);
    writeSession(storageKey, encodeState(s));
  };

  // A restart (spec §8.6) voids the secrets of the earlier ceremony: they are dropped, here and in
  // sessionStorage, and the automatic steps below start the running ceremony afresh. Only what is of
  // an earlier ceremony goes, so a fresh state kept in the same commit survives.
  useEffect(() => {
    if (!view) return;
    if (fromEarlierCeremony(view, decodeState(readSession(storageKey), conferenceId)))
      removeSession(storageKey);
    if (!fromEarlierCeremony(view, state)) return;
    setState((s) => (fromEarlierCeremony(view, s) ? null : s));
    setDropped(true);
    setKept(null);
    setShowQr(false);
    setStuck(null);
    setProblem(null);
  }, [view?.ceremony, state]);

  // The automatic steps: key, shares, check. Each body is kept before it is posted, so a retry
  // (after a reload or a lost answer) posts the same bytes and the server answers it as a replay.
  useEffect(() => {
    if (!view || !step || busy.current || stuck === step.kind) return;
    if (step.kind !== 'post_key' && step.kind !== 'post_commitment' && step.kind !== 'post_check')
      return;
    busy.current = true;
    void (async () => {
      try {
        const mine = stateFits(view, state) ? state : null;
        let answer: ApiResult<unknown>;
        if (step.kind === 'post_key') {
          const s = mine ?? startCeremony(view, conferenceId, systemRandom);
          keep(s);
          answer = await trusteeApi.post(conferenceId, 'key', s.key, ceremonyOf(s));
        } else if (step.kind === 'post_commitment') {
          const s = dealShares(view, mine!, systemRandom);
          keep(s);
          answer = await trusteeApi.post(conferenceId, 'commitment', s.commitment, ceremonyOf(s));
        } else {
          const s = checkShares(view, mine!, systemRandom);
          keep(s);
          answer = await trusteeApi.post(conferenceId, 'check', s.check, ceremonyOf(s));
        }
        // Restarted meanwhile: the next view names the new ceremony, and the page starts it.
        if (answer.ok || answer.error.code === 'ceremony_restarted') setProblem(null);
        else {
          setProblem(answer.error);
          if (answer.error.status !== 0) setStuck(step.kind);
        }
      } catch {
        setProblem(local('trustee_internal'));
        setStuck(step.kind);
      } finally {
        busy.current = false;
        poll.refresh();
      }
    })();
    // `view` is a new object after every poll: that is when the next step is looked at.
  }, [view, step?.kind, stuck]);

  // Once the acknowledgement is in, the secrets leave sessionStorage: the member's file holds them.
  useEffect(() => {
    if (view?.posted.acknowledgement) removeSession(storageKey);
  }, [view?.posted.acknowledgement, storageKey]);

  const share = useMemo(
    () => (view && stateFits(view, state) && view.keyStatement ? combinedShare(view, state) : null),
    [view?.keyStatement?.digest, state],
  );
  const keyFile: KeyFile | null =
    view && state && share?.ok
      ? makeKeyFile({
          conferenceId,
          fingerprint: view.fingerprint,
          trustee: view.trustee,
          keySecret: state.keySecret,
          share: share.share,
          verificationKey: share.verificationKey,
        })
      : null;

  const saveFile = () => {
    if (!keyFile) return;
    const url = URL.createObjectURL(new Blob([keyFileText(keyFile)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = keyFileName(keyFile, view?.ceremony);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setKept('file');
  };

  const printQr = () => {
    setShowQr(true);
    setKept((k) => k ?? 'qr');
    setTimeout(() => window.print(), 0);
  };

  const sendAcknowledgement = async () => {
    if (!view || !stateFits(view, state) || busy.current) return;
    busy.current = true;
    try {
      const s = acknowledge(view, state, systemRandom);
      keep(s);
      const answer = await trusteeApi.post(
        conferenceId,
        'acknowledgement',
        s.acknowledgement,
        ceremonyOf(s),
      );
      setProblem(answer.ok || answer.error.code === 'ceremony_restarted' ? null : answer.error);
    } catch {
      setProblem(local('trustee_internal'));
    } finally {
      busy.current = false;
      poll.refresh();
    }
  };

  const restart = async () => {
    if (!view || busy.current) return;
    busy.current = true;
    try {
      const answer = await trusteeApi.restart(conferenceId, view.ceremony);
      // Someone else restarted it first: the same outcome.
      setProblem(answer.ok || answer.error.code === 'ceremony_restarted' ? null : answer.error);
    } finally {
      busy.current = false;
      poll.refresh();
    }
  };

  const decrypt = async (text: string) => {
    if (!view || busy.current) return;
    setProblem(null);
    const parsed = parseKeyFile(text, view);
    if (!parsed.ok) return setProblem(local(parsed.error));
    if (!view.tally) return setProblem(local('trustee_not_ready'));
    busy.current = true;
    setProgress([0, view.tally.length]);
    const body = await decryptInWorker(
      {
        fingerprint: view.fingerprint,
        trustee: view.trustee,
        share: parsed.file.share,
        verificationKey: parsed.file.verificationKey,
        tally: view.tally.map((l) => ({ person: l.person, alpha: l.alpha })),
      },
      (done, total) => setProgress([done, total]),
    );
    if (body === null) setProblem(local('trustee_internal'));
    else {
      const answer = await trusteeApi.post(conferenceId, 'partial', body);
      setProblem(answer.ok ? null : answer.error);
    }
    setProgress(null);
    busy.current = false;
    poll.refresh();
  };

  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) await decrypt(await file.text());
  };

  if (!view) {
    const p = poll.problem;
    const code = p?.code;
    return (
      <section className="trustee">
        <DayNav conferenceId={conferenceId} />
        <h1>{t('trustee.title')}</h1>
        {p === null ? (
          <p role="status">{t('app.loading')}</p>
        ) : code === 'not_found' ? (
          <p className="card" role="status" data-testid="trustee-no-election">
            {t('trustee.noElection')}
          </p>
        ) : code === 'not_committee_member' || code === 'forbidden' ? (
          <p className="alert alert-error" role="alert" data-testid="trustee-not-trustee">
            {t('trustee.notTrustee')}
          </p>
        ) : (
          <ProblemAlert problem={p} />
        )}
      </section>
    );
  }

  const partials = overview?.trustees.filter((m) => m.partial).length ?? 0;
  const acknowledged = view.posted.acknowledgement;

  return (
    <section className="trustee" data-testid="trustee-page" data-status={view.status}>
      <DayNav conferenceId={conferenceId} />
      <h1>{t('trustee.title')}</h1>
      <p className="lead">{view.manifest.title}</p>
      <dl className="facts trustee-facts">
        <dt>{t('trustee.you')}</dt>
        <dd data-testid="trustee-number">
          {t('trustee.youAre', { trustee: view.trustee, trustees: view.trustees })}
        </dd>
        <dt>{t('trustee.threshold')}</dt>
        <dd>{t('trustee.thresholdText', { threshold: view.threshold })}</dd>
        <dt>{t('trustee.fingerprint')}</dt>
        <dd>
          <span className="fingerprint" data-testid="trustee-fingerprint">
            {shortFingerprint(view.fingerprint)}
          </span>
          <small className="help">{t('trustee.fingerprintHelp')}</small>
        </dd>
      </dl>

      {CEREMONY.has(view.status) && view.ceremony > 1 && (
        <p className="alert trustee-restarted" role="status" data-testid="trustee-restarted">
          {t('trustee.restarted', { ceremony: view.ceremony })}
          {dropped && ` ${t('trustee.restartedDropped')}`}
        </p>
      )}

      {CEREMONY.has(view.status) && (
        <p className="alert trustee-secret-note" data-testid="trustee-secret-note">
          {t('trustee.secretNote')}
        </p>
      )}

      <StepList view={view} kept={kept !== null} />

      <div role="status" aria-live="polite" className="card" data-testid="trustee-now">
        {step && <p>{t(stepText(step))}</p>}
        {state?.badDealers && state.badDealers.length > 0 && (
          <p className="warning" data-testid="trustee-complaints">
            {t('trustee.complained', { dealers: state.badDealers.join(', ') })}
          </p>
        )}
      </div>

      <ProblemAlert problem={problem} />
      {stuck !== null && (
        <button
          type="button"
          onClick={() => {
            setStuck(null);
            setProblem(null);
          }}
        >
          {t('common.retry')}
        </button>
      )}

      {(step?.kind === 'lost' || step?.kind === 'failed') && (
        <div className="card" data-testid="trustee-restart">
          <p>{t('trustee.restartText')}</p>
          <ConfirmButton
            trigger={t('trustee.restart')}
            triggerClass="danger"
            triggerTestId="trustee-restart-button"
            label={t('trustee.restart')}
            question={t('trustee.restartConfirm')}
            submit={t('trustee.restartSubmit')}
            cancel={t('common.cancel')}
            onConfirm={restart}
            busy={false}
            danger
            testId="trustee-restart-confirm"
          />
        </div>
      )}

      {keyFile && (step?.kind === 'keep_and_acknowledge' || acknowledged) && (
        <div className="card trustee-keep" data-testid="trustee-keep">
          <h2>{t('trustee.keepTitle')}</h2>
          <p>{t('trustee.keepText')}</p>
          <div className="trustee-actions">
            <button type="button" onClick={saveFile} data-testid="trustee-save-key">
              {t('trustee.saveKey')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => setShowQr(!showQr)}
              aria-expanded={showQr}
              data-testid="trustee-show-qr"
            >
              {showQr ? t('trustee.hideQr') : t('trustee.showQr')}
            </button>
          </div>
          {kept === 'file' && (
            <p className="alert alert-ok" data-testid="trustee-saved">
              {t('trustee.saved', { name: keyFileName(keyFile, view.ceremony) })}
            </p>
          )}
          {showQr && (
            <div className="trustee-qr">
              <KeyQr
                text={keyFileQr(keyFile)}
                label={t('trustee.qrLabel', { trustee: view.trustee })}
              />
              <p className="print-only">
                {t('trustee.qrCaption', {
                  trustee: view.trustee,
                  fingerprint: shortFingerprint(view.fingerprint),
                })}
              </p>
              <button type="button" onClick={printQr} data-testid="trustee-print-qr">
                {t('trustee.printQr')}
              </button>
            </div>
          )}
          {step?.kind === 'keep_and_acknowledge' && (
            <>
              <p>{t('trustee.acknowledgeText')}</p>
              <button
                type="button"
                disabled={kept === null}
                onClick={() => void sendAcknowledgement()}
                data-testid="trustee-acknowledge"
              >
                {t('trustee.acknowledge')}
              </button>
              {kept === null && <p className="help">{t('trustee.keepFirst')}</p>}
            </>
          )}
        </div>
      )}
      {share && !share.ok && <ProblemAlert problem={local(share.error)} />}

      {step?.kind === 'decrypt' && (
        <div className="card" data-testid="trustee-decrypt">
          <h2>{t('trustee.decryptTitle')}</h2>
          <p>{t('trustee.decryptText')}</p>
          <div className="field">
            <label htmlFor="trustee-key-file">{t('trustee.keyFile')}</label>
            <input
              id="trustee-key-file"
              type="file"
              accept="application/json,.json"
              disabled={progress !== null}
              onChange={(e) => void readFile(e)}
              data-testid="trustee-key-file"
            />
          </div>
          <button
            type="button"
            className="secondary"
            onClick={() => setScan(!scan)}
            aria-expanded={scan}
            data-testid="trustee-scan-key"
          >
            {t('trustee.scanKey')}
          </button>
          {scan && (
            <QrScanner
              onCode={(code) => {
                setScan(false);
                void decrypt(code);
              }}
            />
          )}
          {progress && (
            <label>
              {t('trustee.decrypting')}
              <progress max={progress[1] || 1} value={progress[0]} />
            </label>
          )}
        </div>
      )}

      {(view.status === 'closed' || view.status === 'decrypted') && (
        <p className="card" data-testid="trustee-partials" data-count={partials}>
          {view.status === 'decrypted'
            ? t('trustee.decrypted')
            : t('trustee.partials', {
                count: Math.min(partials, view.threshold),
                threshold: view.threshold,
              })}
        </p>
      )}

      {overview && <Members overview={overview} />}
    </section>
  );
}

const STEPS = ['key', 'commitment', 'check', 'keep', 'acknowledgement', 'partial'] as const;
type StepName = (typeof STEPS)[number];

/** Where each of my steps stands: done, now, or later. */
function stepStates(
  view: TrusteeViewDto,
  kept: boolean,
): Record<StepName, 'done' | 'now' | 'later'> {
  const { posted, status } = view;
  const done: Record<StepName, boolean> = {
    key: posted.key,
    commitment: posted.commitment,
    check: posted.check,
    keep: kept || posted.acknowledgement,
    acknowledgement: posted.acknowledgement,
    partial: posted.partial,
  };
  const now: Record<StepName, boolean> = {
    key: status === 'keygen',
    commitment: status === 'dealing',
    check: status === 'checking',
    keep: status === 'acknowledging',
    acknowledgement: status === 'acknowledging' && kept,
    partial: status === 'closed',
  };
  return Object.fromEntries(
    STEPS.map((s) => [s, done[s] ? 'done' : now[s] ? 'now' : 'later']),
  ) as Record<StepName, 'done' | 'now' | 'later'>;
}

/** My steps as an ordered list, each marked (in words, not only by colour). */
function StepList({ view, kept }: { view: TrusteeViewDto; kept: boolean }) {
  const { t } = useI18n();
  const states = stepStates(view, kept);
  return (
    <ol className="trustee-steps" aria-label={t('trustee.steps')}>
      {STEPS.map((s) => (
        <li
          key={s}
          className={`trustee-step trustee-step-${states[s]}`}
          data-testid={`trustee-step-${s}`}
          data-state={states[s]}
          aria-current={states[s] === 'now' ? 'step' : undefined}
        >
          <span className="trustee-step-mark">
            {t(`trustee.state.${states[s]}`)}
            <span className="visually-hidden">: </span>
          </span>
          <span>{t(`trustee.step.${s}`)}</span>
        </li>
      ))}
    </ol>
  );
}

/** Every member's progress, as the conference screen shows it. */
function Members({ overview }: { overview: ElectionOverviewDto }) {
  const { t } = useI18n();
  const stage = (m: ElectionOverviewDto['trustees'][number]): MessageKey =>
    m.partial
      ? 'trustee.member.partial'
      : m.acknowledgement
        ? 'trustee.member.acknowledgement'
        : m.check
          ? 'trustee.member.check'
          : m.commitment
            ? 'trustee.member.commitment'
            : m.key
              ? 'trustee.member.key'
              : 'trustee.member.none';
  return (
    <div className="card">
      <h2>{t('trustee.members')}</h2>
      <ul className="plain">
        {overview.trustees.map((m) => (
          <li key={m.trustee} data-testid={`trustee-member-${m.trustee}`}>
            {m.trustee}. {m.fullName}: {t(stage(m))}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The sentence for what happens now. */
function stepText(step: CeremonyStep): MessageKey {
  switch (step.kind) {
    case 'post_key':
      return 'trustee.now.key';
    case 'post_commitment':
      return 'trustee.now.commitment';
    case 'post_check':
      return 'trustee.now.check';
    case 'keep_and_acknowledge':
      return 'trustee.now.keep';
    case 'wait':
      return `trustee.wait.${step.for}`;
    case 'lost':
      return 'trustee.now.lost';
    case 'failed':
      return 'trustee.now.failed';
    case 'decrypt':
      return 'trustee.now.decrypt';
    case 'done':
      return 'trustee.now.done';
  }
}

function readSession(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeSession(key: string, value: string): void {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // A browser that refuses storage still runs the ceremony; a reload would lose the secrets.
  }
}

function removeSession(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // Nothing was kept.
  }
}
