// The organiser's credential slips (issue 7 §2, spec §6): drawn in this browser, printed, then only the
// public credentials are registered. The codes live in this page's memory only (never localStorage):
// the printed slips are the only copy. Registration comes after printing, so a reload before it costs
// nothing but drawing again (the server takes the credentials once: a second POST is refused). A ballot
// style that lists nobody voted on is not in the manifest: its participants get no slip, said here.

import { useEffect, useState } from 'react';
import { hexToBytes, systemRandom } from '../../../src/crypto/index.js';
import type { ElectionOverviewDto } from '../../../src/server/routes/election-schemas.js';
import type { ApiProblem } from '../api/client.js';
import { electionApi } from '../api/election-api.js';
import { api } from '../api/endpoints.js';
import { makeSlipBatch, slipPlan, type SlipBatch } from '../election/slip-batch.js';
import { isLoopbackOrigin, parseOrigin } from '../election/slip-link.js';
import { useI18n } from '../i18n/i18n.js';
import { TextField } from './field.js';
import { Notice, ProblemAlert } from './problem.js';
import { SlipSheet } from './slip-sheet.js';
import { useLoad } from './use-load.js';
import { ConfirmCard } from './confirm-card.js';

/** The slips step: counts per style, draw, print, register; the batch is owned by the screen. */
export function SlipsPanel({
  conferenceId,
  overview,
  batch,
  setBatch,
  styleName,
  onRegistered,
}: {
  conferenceId: string;
  overview: ElectionOverviewDto;
  batch: SlipBatch | null;
  setBatch: (batch: SlipBatch | null) => void;
  styleName: (style: string) => string;
  onRegistered: () => void;
}) {
  const { t } = useI18n();
  const participants = useLoad(() => api.participants(conferenceId), `slips-p-${conferenceId}`);
  const booth = useLoad(() => electionApi.booth(conferenceId), `slips-m-${conferenceId}`);
  const [originText, setOriginText] = useState(location.origin);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const registered = overview.status !== 'keyed';
  const plan =
    participants.data && booth.data
      ? slipPlan(participants.data, new Set(booth.data.manifest.styles.map((st) => st.id)))
      : { counts: [], skipped: [] };
  const counts = plan.counts;
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const origin = parseOrigin(originText);

  // Leaving the page loses the codes: ask first while they are not yet in voters' hands.
  useEffect(() => {
    if (batch === null) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [batch]);

  const draw = () => {
    setProblem(null);
    setNotice(null);
    setConfirming(false);
    setBatch(makeSlipBatch(hexToBytes(overview.fingerprint!), counts, systemRandom));
  };
  const register = async () => {
    if (batch === null) return;
    setBusy(true);
    setProblem(null);
    const r = await electionApi.registerCredentials(conferenceId, batch.credentials);
    setBusy(false);
    setConfirming(false);
    if (!r.ok) {
      // Taken once only: another device registered first, so these slips are worthless.
      if (r.error.code === 'state_conflict')
        setProblem({ ...r.error, code: 'slips_registered_elsewhere' });
      else setProblem(r.error);
      return;
    }
    setNotice(t('slips.registered', { count: batch.credentials.length }));
    onRegistered();
  };

  return (
    <section className="card slips-panel" aria-labelledby="slips-title" data-testid="slips-panel">
      <h2 id="slips-title">{t('slips.title')}</h2>
      <p className="help">{t('slips.help')}</p>
      {registered ? (
        <p data-testid="slips-registered">
          {t('slips.registeredCount', { count: overview.credentials })}
        </p>
      ) : (
        <ul className="plain" data-testid="slip-counts">
          {counts.map((c) => (
            <li key={c.style} data-testid="slip-count" data-style={c.style}>
              {t('slips.countLine', { style: styleName(c.style), count: c.count })}
            </li>
          ))}
        </ul>
      )}
      {!registered &&
        plan.skipped.map((c) => (
          <p
            key={c.style}
            className="alert"
            role="status"
            data-testid="slips-skipped"
            data-style={c.style}
          >
            {t('slips.skipped', { style: styleName(c.style), count: c.count })}
          </p>
        ))}
      <ProblemAlert problem={problem ?? participants.problem ?? booth.problem} />
      <Notice text={notice} />
      {!registered ? (
        <>
          <TextField
            label={t('slips.origin')}
            help={t('slips.originHelp')}
            value={originText}
            onChange={(e) => setOriginText(e.target.value)}
            error={origin === null ? t('slips.originInvalid') : null}
            data-testid="slips-origin"
          />
          {origin !== null && isLoopbackOrigin(origin) ? (
            <p className="alert alert-error" role="alert" data-testid="slips-loopback">
              {t('slips.loopback')}
            </p>
          ) : null}
          <div className="row-wrap">
            <button
              type="button"
              onClick={draw}
              disabled={total === 0 || overview.fingerprint === null}
              data-testid="slips-generate"
            >
              {batch === null ? t('slips.generate', { count: total }) : t('slips.regenerate')}
            </button>
          </div>
        </>
      ) : null}
      {batch !== null ? (
        <>
          <p className="alert alert-error" role="alert" data-testid="slips-warning">
            {t('slips.onlyCopy', { count: batch.slips.length })}
          </p>
          <div className="row-wrap">
            <button type="button" onClick={() => window.print()} data-testid="slips-print">
              {t('slips.print')}
            </button>
            {!registered && !confirming ? (
              <button
                type="button"
                className="secondary"
                onClick={() => setConfirming(true)}
                data-testid="slips-printed"
              >
                {t('slips.printed')}
              </button>
            ) : null}
          </div>
          {!registered && confirming ? (
            <ConfirmCard
              label={t('slips.registerConfirm')}
              question={t('slips.registerConfirm')}
              submit={t('slips.register')}
              cancel={t('common.cancel')}
              onConfirm={() => void register()}
              onCancel={() => setConfirming(false)}
              busy={busy}
              testId="slips-register"
            />
          ) : null}
          <SlipSheet
            slips={batch.slips}
            origin={origin ?? location.origin}
            conferenceId={conferenceId}
            styleName={styleName}
          />
        </>
      ) : registered ? (
        <p className="muted" data-testid="slips-gone">
          {t('slips.gone')}
        </p>
      ) : null}
    </section>
  );
}
