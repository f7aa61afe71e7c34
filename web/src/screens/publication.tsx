// Công bố — the organiser publishes the confirmed result at a scope that only widens (conference → competent
// authority → public aggregate without per-person figures); the follow-up records of band results and the paper
// no-confidence vote (bỏ phiếu tín nhiệm: more than half "không tín nhiệm" → dismissal proposal).

import { useState, type FormEvent } from 'react';
import { decideNoConfidenceVote } from '../../../src/core/counting/no-confidence-vote.js';
import type { ApiProblem } from '../api/client.js';
import { dayApi } from '../api/day-endpoints.js';
import type { FollowUpDto, PublicationScope } from '../api/day-types.js';
import { api } from '../api/endpoints.js';
import { DayNav } from '../components/day-nav.js';
import { TextField } from '../components/field.js';
import { Notice, ProblemAlert } from '../components/problem.js';
import { useLoad } from '../components/use-load.js';
import { percentText, shareText } from '../counting/result-view.js';
import { isMessageKey, useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/vi.js';
import { Link } from '../router.js';
import { canOrganise, useSession } from '../session.js';

const SCOPES: readonly PublicationScope[] = ['conference', 'authority', 'public'];

/** The publication screen. */
export function PublicationScreen({ conferenceId }: { conferenceId: string }) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const organiser = canOrganise(user);
  const conference = useLoad(() => api.conference(conferenceId), conferenceId);
  const publication = useLoad(() => dayApi.publication(conferenceId), `pb-${conferenceId}`);
  const followUps = useLoad(() => dayApi.followUps(conferenceId), `fu-${conferenceId}`);
  const [scope, setScope] = useState<PublicationScope>('conference');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const current = publication.data?.scope ?? null;
  const rank = (s: PublicationScope | null) => (s === null ? -1 : SCOPES.indexOf(s));

  const publish = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setNotice(null);
    const result = await dayApi.publish(conferenceId, scope);
    if (result.ok) {
      setNotice(t('common.saved'));
      publication.reload();
      conference.reload();
    } else setProblem(result.error);
  };

  return (
    <section className="day-screen">
      <DayNav conferenceId={conferenceId} />
      <h1>{t('publication.title')}</h1>
      <ProblemAlert problem={publication.problem} />
      {publication.data ? (
        <p role="status" data-testid="publication-current">
          {current === null
            ? t('publication.notYet')
            : t('publication.current', {
                scope: t(`publication.scope.${current}`),
                when: new Date(publication.data.publishedAt ?? '').toLocaleString(
                  lang === 'vi' ? 'vi-VN' : 'en-GB',
                ),
              })}
        </p>
      ) : null}
      {organiser ? (
        <form className="card" onSubmit={(e) => void publish(e)} noValidate>
          <fieldset>
            <legend>{t('publication.scope')}</legend>
            {SCOPES.map((s) => (
              <label key={s} className="check">
                <input
                  type="radio"
                  name="scope"
                  value={s}
                  checked={scope === s}
                  disabled={rank(s) < rank(current)}
                  onChange={() => setScope(s)}
                />{' '}
                {t(`publication.scope.${s}`)}
              </label>
            ))}
            <p className="help">{t('publication.onlyWiden')}</p>
          </fieldset>
          <ProblemAlert problem={problem} />
          <Notice text={notice} />
          <button
            type="submit"
            disabled={
              rank(scope) <= rank(current) ||
              !['confirmed', 'published'].includes(conference.data?.status ?? '')
            }
          >
            {t('publication.publish')}
          </button>
          {conference.data && !['confirmed', 'published'].includes(conference.data.status) ? (
            <p className="help">{t('publication.needsConfirm')}</p>
          ) : null}
        </form>
      ) : null}
      {publication.data?.publicSummary ? (
        <div className="card">
          <h2>{t('publication.publicSummary')}</h2>
          <p data-testid="public-summary">{publication.data.publicSummary[lang]}</p>
        </div>
      ) : null}
      {conference.data ? (
        <p>
          <Link href={`/rounds/${encodeURIComponent(conference.data.roundId)}/authority`}>
            {t('authority.link')}
          </Link>
        </p>
      ) : null}
      <h2>{t('followUp.title')}</h2>
      <ProblemAlert problem={followUps.problem} />
      {followUps.data && followUps.data.length === 0 ? <p>{t('followUp.none')}</p> : null}
      {(followUps.data ?? []).map((f) => (
        <FollowUpCard
          key={f.id}
          conferenceId={conferenceId}
          followUp={f}
          organiser={organiser}
          onChanged={followUps.reload}
        />
      ))}
    </section>
  );
}

function FollowUpCard(props: {
  conferenceId: string;
  followUp: FollowUpDto;
  organiser: boolean;
  onChanged: () => void;
}) {
  const { conferenceId, followUp: f, organiser, onChanged } = props;
  const { t, lang } = useI18n();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [note, setNote] = useState(f.note ?? '');
  const decide = async (decision: FollowUpDto['decision']) => {
    setProblem(null);
    const result = await dayApi.decideFollowUp(conferenceId, f.id, {
      decision,
      ...(note.trim() === '' ? {} : { note: note.normalize('NFC').trim() }),
    });
    if (result.ok) onChanged();
    else setProblem(result.error);
  };
  return (
    <article className={`card follow-up outcome-${f.outcome}`} data-testid="follow-up">
      <h3>
        {f.fullName} — {t(`band.${f.outcome}`)}
      </h3>
      <p>{t(`followUp.kind.${f.kind}`)}</p>
      {f.kind === 'resign-or-no-confidence-vote' ? (
        <>
          <p>
            {t('followUp.decision')}: <strong>{t(`followUp.decision.${f.decision}`)}</strong>
          </p>
          {organiser ? (
            <>
              <TextField
                label={t('followUp.note')}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
              <div className="row-wrap">
                {(['pending', 'resigned', 'no-confidence-vote'] as const).map((d) => (
                  <button
                    key={d}
                    type="button"
                    className="small secondary"
                    aria-pressed={f.decision === d}
                    onClick={() => void decide(d)}
                  >
                    {t(`followUp.decision.${d}`)}
                  </button>
                ))}
              </div>
            </>
          ) : null}
          {f.decision === 'no-confidence-vote' ? (
            <NoConfidenceVoteForm conferenceId={conferenceId} followUp={f} onSaved={onChanged} />
          ) : null}
        </>
      ) : null}
      {f.vote ? (
        <p
          className={f.vote.dismissalProposal ? 'alert alert-error' : 'alert alert-ok'}
          data-testid="vote-outcome"
        >
          {t('followUp.trust')}: {f.vote.trust} · {t('followUp.noTrust')}: {f.vote.noTrust} ·{' '}
          {t('result.invalid')}: {f.vote.invalid}.{' '}
          {t(f.vote.dismissalProposal ? 'followUp.dismissal' : 'followUp.kept', {
            percent: percentText(f.vote.noTrustPercent, lang),
          })}
        </p>
      ) : null}
      <ProblemAlert problem={problem} />
    </article>
  );
}

/** The two-level paper vote, checked as typed with the core rule (dismissal ⇔ 2 · noTrust > collected). */
function NoConfidenceVoteForm(props: {
  conferenceId: string;
  followUp: FollowUpDto;
  onSaved: () => void;
}) {
  const { conferenceId, followUp, onSaved } = props;
  const { t, lang } = useI18n();
  const [values, setValues] = useState({ issued: '', collected: '', trust: '', noTrust: '' });
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const numbers = {
    issued: Number(values.issued),
    collected: Number(values.collected),
    trust: Number(values.trust),
    noTrust: Number(values.noTrust),
  };
  const filled = Object.values(values).every((v) => /^\d+$/.test(v.trim()));
  const preview = filled ? decideNoConfidenceVote(numbers) : null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!preview?.ok) return;
    const result = await dayApi.recordVote(conferenceId, followUp.id, numbers);
    if (result.ok) {
      setProblem(null);
      onSaved();
    } else setProblem(result.error);
  };
  return (
    <form
      className="card"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="no-confidence-form"
    >
      <h4>{t('followUp.vote')}</h4>
      <div className="form-grid">
        {(['issued', 'collected', 'trust', 'noTrust'] as const).map((k) => (
          <TextField
            key={k}
            label={t(`followUp.${k}`)}
            inputMode="numeric"
            value={values[k]}
            onChange={(e) => setValues({ ...values, [k]: e.target.value })}
          />
        ))}
      </div>
      {preview && !preview.ok ? (
        <p className="error-text">
          {isMessageKey(`error.${preview.error.code}`)
            ? t(`error.${preview.error.code}` as MessageKey)
            : preview.error.message}
        </p>
      ) : null}
      {preview?.ok ? (
        <p role="status">
          {t(preview.value.dismissalProposal ? 'followUp.dismissal' : 'followUp.kept', {
            percent: shareText(preview.value.noTrust, Math.max(1, preview.value.collected), lang),
          })}
        </p>
      ) : null}
      <ProblemAlert problem={problem} />
      <button type="submit" disabled={!preview?.ok}>
        {t('followUp.voteSave')}
      </button>
    </form>
  );
}
