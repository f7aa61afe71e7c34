// Chuẩn bị hội nghị — the conference builder: details, deadlines, persons voted on (propose, confirm, override
// with a written reason), persons summoned (import), ballot styles, sign-ins, reports, and the way to the questions.

import { useState, type FormEvent } from 'react';
import { EXCLUSION_LABELS, type ExclusionReason } from '../../../src/rules/index.js';
import type { ApiProblem } from '../api/client.js';
import { api } from '../api/endpoints.js';
import type { ConferenceDto, OneTimeAccount, SubjectDto } from '../api/types.js';
import { DeadlineList } from '../components/deadlines.js';
import { ConferenceDocuments, ResultDocuments } from '../components/document-downloads.js';
import { TextAreaField, TextField } from '../components/field.js';
import { ImportBox } from '../components/import-box.js';
import { Notice, ProblemAlert } from '../components/problem.js';
import { ReportsPanel } from '../components/reports-panel.js';
import { useLoad } from '../components/use-load.js';
import { longTextSchema } from '../forms/schemas.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/vi.js';
import { Link } from '../router.js';
import { canOrganise, rolesOf, useSession } from '../session.js';
import { ConferenceEdit } from './conference-edit.js';

/** The conference screen. */
export function ConferenceScreen({ conferenceId }: { conferenceId: string }) {
  const { t, date } = useI18n();
  const { user } = useSession();
  const organiser = canOrganise(user);
  const conference = useLoad(() => api.conference(conferenceId), conferenceId);
  const deadlines = useLoad(() => api.deadlines(conferenceId), `d-${conferenceId}`);
  const subjects = useLoad(() => api.subjects(conferenceId), `s-${conferenceId}`);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const c = conference.data;
  if (c === undefined) return <ProblemAlert problem={conference.problem} />;

  const setStatus = async (status: 'draft' | 'prepared') => {
    const result = await api.setConferenceStatus(c.id, status);
    if (result.ok) conference.reload();
    else setProblem(result.error);
  };

  return (
    <section>
      <p>
        <Link href={`/rounds/${c.roundId}`}>← {t('conferences.round')}</Link>
      </p>
      <h1>{c.title}</h1>
      <dl className="facts" data-testid="conference-facts">
        <dt>{t('conferences.date')}</dt>
        <dd>{date(c.date)}</dd>
        <dt>{t('conferences.place')}</dt>
        <dd>{c.place}</dd>
        <dt>{t('conferences.chair')}</dt>
        <dd>{c.chair}</dd>
        <dt>{t('rounds.ruleSet')}</dt>
        <dd>{t(`ruleSet.${c.ruleSetId}` as MessageKey)}</dd>
        <dt>{t('conferences.countingMode')}</dt>
        <dd>{t(`conferences.mode.${c.countingMode}`)}</dd>
        <dt>{t('common.status')}</dt>
        <dd>
          <span className={`status status-${c.status}`}>
            {t(`status.${c.status}` as MessageKey)}
          </span>{' '}
          {organiser && c.status === 'draft' ? (
            <button type="button" className="small" onClick={() => void setStatus('prepared')}>
              {t('conferences.markPrepared')}
            </button>
          ) : null}
          {organiser && c.status === 'prepared' ? (
            <button
              type="button"
              className="small secondary"
              onClick={() => void setStatus('draft')}
            >
              {t('conferences.reopen')}
            </button>
          ) : null}
        </dd>
      </dl>
      {organiser && (c.status === 'draft' || c.status === 'prepared') ? (
        <ConferenceEdit
          key={c.updatedAt}
          conference={c}
          onSaved={() => {
            conference.reload();
            deadlines.reload();
          }}
        />
      ) : null}
      <ProblemAlert problem={problem} />
      <p>
        <Link className="button" href={`/conferences/${c.id}/questions`}>
          {t('questions.title')}
        </Link>{' '}
        <Link className="button" href={`/conferences/${c.id}/roll-call`} data-testid="day-link">
          {t('day.title')}
        </Link>
      </p>
      {deadlines.data ? (
        <>
          <h2>{t('rounds.deadlines')}</h2>
          <DeadlineList deadlines={deadlines.data} />
        </>
      ) : null}
      <SubjectsPanel
        conference={c}
        subjects={subjects.data ?? []}
        reload={subjects.reload}
        organiser={organiser}
      />
      {organiser ? <ParticipantsPanel conference={c} /> : null}
      {organiser ? <BallotStylesPanel conference={c} subjects={subjects.data ?? []} /> : null}
      {organiser || rolesOf(user).has('inspector') ? (
        <ConferenceDocuments conferenceId={c.id} canInvite={organiser} />
      ) : null}
      {/* Minutes and report once counting has begun (the server answers result_not_ready until then). */}
      {(c.status === 'counting' || c.status === 'confirmed' || c.status === 'published') &&
      (organiser ||
        ['inspector', 'competent-authority', 'counting-committee'].some((r) =>
          rolesOf(user).has(r),
        )) ? (
        <ResultDocuments
          conferenceId={c.id}
          showReport={
            organiser || rolesOf(user).has('inspector') || rolesOf(user).has('competent-authority')
          }
        />
      ) : null}
      {/* Reports are for the office and the inspectors (and voters, on their own page), not the authority. */}
      {organiser || rolesOf(user).has('inspector') ? (
        <ReportsPanel
          conferenceId={c.id}
          subjects={(subjects.data ?? []).filter((s) => s.effectiveDecision === 'vote')}
          canUpload={organiser}
        />
      ) : null}
    </section>
  );
}

function reasonText(reason: string, lang: 'vi' | 'en'): string {
  const label = EXCLUSION_LABELS[reason as ExclusionReason] as
    { vi: string; en: string } | undefined;
  return label === undefined ? reason : label[lang];
}

function SubjectsPanel(props: {
  conference: ConferenceDto;
  subjects: readonly SubjectDto[];
  reload: () => void;
  organiser: boolean;
}) {
  const { conference, subjects, reload, organiser } = props;
  const { t, lang } = useI18n();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [account, setAccount] = useState<{ name: string; account: OneTimeAccount } | null>(null);
  const vote = subjects.filter((s) => s.effectiveDecision === 'vote').length;

  const propose = async () => {
    setBusy(true);
    setProblem(null);
    const result = await api.proposeSubjects(conference.id);
    setBusy(false);
    if (result.ok) reload();
    else setProblem(result.error);
  };
  const confirm = async (s: SubjectDto) => {
    const result = await api.decideSubject(conference.id, s.id, s.proposal, null);
    if (result.ok) reload();
    else setProblem(result.error);
  };
  const makeAccount = async (s: SubjectDto) => {
    const result = await api.subjectAccount(conference.id, s.id);
    if (result.ok) setAccount({ name: s.fullName, account: result.value });
    else setProblem(result.error);
  };

  return (
    <div className="panel" data-testid="subjects-panel">
      <h2>{t('subjects.title')}</h2>
      {organiser ? (
        <p>
          <button type="button" onClick={() => void propose()} disabled={busy}>
            {t('subjects.propose')}
          </button>
        </p>
      ) : null}
      <p role="status">{t('subjects.counts', { vote, exclude: subjects.length - vote })}</p>
      <ProblemAlert problem={problem} />
      {account ? <AccountCard name={account.name} account={account.account} /> : null}
      <ol className="subject-list">
        {subjects.map((s) => (
          <li
            key={s.id}
            className={`card subject subject-${s.effectiveDecision}`}
            data-testid="subject"
          >
            <div className="subject-head">
              <strong>{s.fullName}</strong> — {s.title}
            </div>
            <p>
              {t('subjects.proposal')}:{' '}
              <strong>{t(s.proposal === 'vote' ? 'subjects.vote' : 'subjects.exclude')}</strong>
              {' · '}
              {t('subjects.decision')}:{' '}
              {s.decision === null ? (
                <em>{t('subjects.pending')}</em>
              ) : (
                <strong>{t(s.decision === 'vote' ? 'subjects.vote' : 'subjects.exclude')}</strong>
              )}
            </p>
            {s.exclusions.length > 0 ? (
              <div>
                {t('subjects.reasons')}:
                <ul>
                  {s.exclusions.map((e) => (
                    <li key={e.reason}>
                      {reasonText(e.reason, lang)}
                      {/* The rules engine words its detail in English only; the reason above is in both languages. */}
                      {e.detail && lang === 'en' ? (
                        <span className="muted"> ({e.detail})</span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {s.overrideReason ? (
              <p className="muted">
                {t('subjects.overrideReason')}: {s.overrideReason}
              </p>
            ) : null}
            {organiser ? (
              <div className="row-wrap">
                {s.decision === null ? (
                  <button type="button" className="small" onClick={() => void confirm(s)}>
                    {t('subjects.confirm')}
                  </button>
                ) : null}
                <OverrideForm conferenceId={conference.id} subject={s} onDone={reload} />
                {s.effectiveDecision === 'vote' ? (
                  <button
                    type="button"
                    className="small secondary"
                    onClick={() => void makeAccount(s)}
                  >
                    {t('accounts.create')}
                  </button>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Deciding against the proposal: the written reason is required and validated as it is typed. */
function OverrideForm({
  conferenceId,
  subject,
  onDone,
}: {
  conferenceId: string;
  subject: SubjectDto;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const other = subject.proposal === 'vote' ? 'exclude' : 'vote';
  const valid = longTextSchema.safeParse(reason);
  const error =
    touched && !valid.success
      ? t('validation.required', { field: t('subjects.overrideReason').toLocaleLowerCase() })
      : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!valid.success) return;
    const result = await api.decideSubject(conferenceId, subject.id, other, valid.data);
    if (!result.ok) {
      setProblem(result.error);
      return;
    }
    setOpen(false);
    onDone();
  };
  if (!open) {
    return (
      <button
        type="button"
        className="small secondary"
        onClick={() => setOpen(true)}
        aria-expanded="false"
      >
        {t('subjects.override')}: {t(other === 'vote' ? 'subjects.vote' : 'subjects.exclude')}
      </button>
    );
  }
  return (
    <form className="override" onSubmit={(e) => void submit(e)} noValidate>
      <TextAreaField
        label={t('subjects.overrideReason')}
        required
        rows={3}
        value={reason}
        error={error}
        onChange={(e) => {
          setReason(e.target.value);
          setTouched(true);
        }}
        autoFocus
      />
      <ProblemAlert problem={problem} />
      <div className="row-wrap">
        <button type="submit" className="small">
          {t('subjects.override')}: {t(other === 'vote' ? 'subjects.vote' : 'subjects.exclude')}
        </button>
        <button type="button" className="small secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** A sign-in shown once (the server keeps only the hash). */
export function AccountCard({ name, account }: { name: string; account: OneTimeAccount }) {
  const { t } = useI18n();
  return (
    <div className="card account-card" role="status" data-testid="account-card">
      <p>{t('accounts.shownOnce', { name })}</p>
      <dl className="facts">
        <dt>{t('login.username')}</dt>
        <dd data-testid="account-username">{account.username}</dd>
        <dt>{t('login.password')}</dt>
        <dd data-testid="account-password" className="code">
          {account.password}
        </dd>
      </dl>
    </div>
  );
}

function ParticipantsPanel({ conference }: { conference: ConferenceDto }) {
  const { t } = useI18n();
  const participants = useLoad(() => api.participants(conference.id), `p-${conference.id}`);
  const styles = useLoad(() => api.ballotStyles(conference.id), `b-${conference.id}`);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [account, setAccount] = useState<{ name: string; account: OneTimeAccount } | null>(null);
  const [filter, setFilter] = useState('');
  const list = participants.data ?? [];
  const needle = filter.normalize('NFC').toLocaleLowerCase('vi');
  const shown = list
    .filter((p) => needle === '' || p.fullName.toLocaleLowerCase('vi').includes(needle))
    .slice(0, 200);

  const makeAccount = async (id: string, name: string) => {
    const result = await api.participantAccount(conference.id, id);
    if (result.ok) setAccount({ name, account: result.value });
    else setProblem(result.error);
  };
  const setStyle = async (id: string, styleId: string) => {
    const result = await api.setParticipantStyle(
      conference.id,
      id,
      styleId === '' ? null : styleId,
    );
    if (result.ok) participants.reload();
    else setProblem(result.error);
  };

  return (
    <div className="panel" data-testid="participants-panel">
      <h2>{t('participants.title')}</h2>
      <p role="status" data-testid="participants-count">
        {t('participants.count', { count: list.length })}
      </p>
      <ImportBox
        title={t('participants.import')}
        help={t('participants.importHelp')}
        send={(file, progress) => api.importParticipants(conference.id, file, progress)}
        onDone={participants.reload}
        testId="participants-import"
      />
      <ProblemAlert problem={problem ?? participants.problem} />
      {account ? <AccountCard name={account.name} account={account.account} /> : null}
      {list.length > 0 ? (
        // A long list (183 summoned at Móng Cái) starts folded, so the page stays short on a phone.
        <details open={list.length <= 30}>
          <summary>{t('participants.list', { count: list.length })}</summary>
          <TextField
            label={t('common.search')}
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('persons.fullName')}</th>
                  <th scope="col">{t('participants.position')}</th>
                  <th scope="col">{t('participants.ballotStyle')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((p) => (
                  <tr key={p.id} data-testid="participant-row">
                    <td>{p.order}</td>
                    <td>{p.fullName}</td>
                    <td>
                      {p.position}
                      {p.unitName ? <span className="muted"> · {p.unitName}</span> : null}
                    </td>
                    <td>
                      <select
                        aria-label={`${t('participants.ballotStyle')}: ${p.fullName}`}
                        value={p.ballotStyleId ?? ''}
                        onChange={(e) => void setStyle(p.id, e.target.value)}
                      >
                        <option value="">{t('participants.allSubjects')}</option>
                        {(styles.data ?? []).map((s) => (
                          <option key={s.id} value={s.id}>
                            {s.name}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="small secondary"
                        onClick={() => void makeAccount(p.id, p.fullName)}
                      >
                        {t('accounts.create')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </div>
  );
}

function BallotStylesPanel({
  conference,
  subjects,
}: {
  conference: ConferenceDto;
  subjects: readonly SubjectDto[];
}) {
  const { t } = useI18n();
  const styles = useLoad(() => api.ballotStyles(conference.id), `b-${conference.id}`);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [touched, setTouched] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const voted = subjects.filter((s) => s.effectiveDecision === 'vote');
  const nameError =
    touched && name.trim() === ''
      ? t('validation.required', { field: t('ballotStyles.name').toLocaleLowerCase() })
      : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (name.trim() === '') return;
    const result = await api.createBallotStyle(conference.id, name, chosen);
    if (!result.ok) {
      setProblem(result.error);
      return;
    }
    setName('');
    setChosen([]);
    setTouched(false);
    setDone(t('common.saved'));
    styles.reload();
  };

  return (
    <div className="panel">
      <h2>{t('ballotStyles.title')}</h2>
      <p className="help">{t('ballotStyles.help')}</p>
      <ul>
        {(styles.data ?? []).map((s) => (
          <li key={s.id}>
            <strong>{s.name}</strong>:{' '}
            {s.subjectIds.map((id) => subjects.find((x) => x.id === id)?.fullName ?? id).join(', ')}
          </li>
        ))}
      </ul>
      <form className="card" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t('ballotStyles.name')}
          required
          value={name}
          error={nameError}
          onChange={(e) => {
            setName(e.target.value);
            setTouched(true);
          }}
        />
        <fieldset>
          <legend>{t('ballotStyles.subjects')}</legend>
          {voted.map((s) => (
            <label key={s.id} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(s.id)}
                onChange={(e) =>
                  setChosen(e.target.checked ? [...chosen, s.id] : chosen.filter((x) => x !== s.id))
                }
              />{' '}
              {s.fullName} — {s.title}
            </label>
          ))}
        </fieldset>
        <ProblemAlert problem={problem} />
        <Notice text={done} />
        <button type="submit" className="small">
          {t('ballotStyles.add')}
        </button>
      </form>
    </div>
  );
}
