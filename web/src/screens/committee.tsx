// Ban kiểm phiếu — the members the conference elected and its head; each member's one-time sign-in code is
// shown once (the server keeps only its hash).

import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '../api/client.js';
import { dayApi } from '../api/day-endpoints.js';
import type { CommitteeCode, CommitteeMember } from '../api/day-types.js';
import { DayNav } from '../components/day-nav.js';
import { TextField } from '../components/field.js';
import { ProblemAlert } from '../components/problem.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/i18n.js';
import { canOrganise, useSession } from '../session.js';

/** The committee screen. */
export function CommitteeScreen({ conferenceId }: { conferenceId: string }) {
  const { t, date } = useI18n();
  const { user } = useSession();
  const organiser = canOrganise(user);
  const members = useLoad(() => dayApi.committee(conferenceId), `cm-${conferenceId}`);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [shown, setShown] = useState<{ name: string; code: CommitteeCode } | null>(null);
  const [name, setName] = useState('');
  const [head, setHead] = useState(false);
  const [touched, setTouched] = useState(false);

  const act = async (call: Promise<{ ok: boolean; error?: ApiProblem }>) => {
    setProblem(null);
    const result = await call;
    if (!result.ok) setProblem(result.error ?? null);
    members.reload();
    return result.ok;
  };
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (name.trim() === '') return;
    const done = await act(
      dayApi.addMember(conferenceId, { fullName: name.normalize('NFC').trim(), isHead: head }),
    );
    if (done) {
      setName('');
      setHead(false);
      setTouched(false);
    }
  };
  const code = async (m: CommitteeMember) => {
    setProblem(null);
    const result = await dayApi.memberCode(conferenceId, m.id);
    if (result.ok) setShown({ name: m.fullName, code: result.value });
    else setProblem(result.error);
    members.reload();
  };

  const list = members.data ?? [];
  return (
    <section className="day-screen">
      <DayNav conferenceId={conferenceId} />
      <h1>{t('committee.title')}</h1>
      <p className="help">{t('committee.help')}</p>
      <ProblemAlert problem={problem ?? members.problem} />
      {shown ? (
        <div className="card account-card" role="status" data-testid="committee-code">
          <p>
            {t('committee.codeShown', {
              name: shown.name,
              expires: `${shown.code.expiresAt.slice(11, 16)} ${date(shown.code.expiresAt)}`,
            })}
          </p>
          <p className="big-code" data-testid="committee-code-value">
            {shown.code.code}
          </p>
        </div>
      ) : null}
      {list.length === 0 ? <p>{t('committee.none')}</p> : null}
      <ul className="plain" data-testid="committee-list">
        {list.map((m) => (
          <li key={m.id} className="card committee-member" data-testid="committee-member">
            <div>
              <strong>{m.fullName}</strong>{' '}
              <span className="badge">
                {m.isHead ? t('committee.head') : t('committee.member')}
              </span>
              {m.username ? (
                <span className="muted">
                  {' '}
                  · {t('committee.signedIn', { username: m.username })}
                </span>
              ) : null}
              {m.hasPendingCode ? (
                <span className="muted"> · {t('committee.codePending')}</span>
              ) : null}
            </div>
            {organiser ? (
              <div className="row-wrap">
                <button
                  type="button"
                  className="small"
                  onClick={() => void code(m)}
                  aria-label={`${t('committee.code')}: ${m.fullName}`}
                >
                  {t('committee.code')}
                </button>
                {!m.isHead ? (
                  <button
                    type="button"
                    className="small secondary"
                    onClick={() =>
                      void act(dayApi.updateMember(conferenceId, m.id, { isHead: true }))
                    }
                  >
                    {t('committee.makeHead')}
                  </button>
                ) : null}
                <button
                  type="button"
                  className="small secondary"
                  onClick={() => void act(dayApi.removeMember(conferenceId, m.id))}
                  aria-label={`${t('committee.remove')}: ${m.fullName}`}
                >
                  {t('committee.remove')}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {organiser ? (
        <form className="card" onSubmit={(e) => void add(e)} noValidate>
          <TextField
            label={t('committee.fullName')}
            required
            value={name}
            error={
              touched && name.trim() === ''
                ? t('validation.required', { field: t('committee.fullName').toLocaleLowerCase() })
                : null
            }
            onChange={(e) => setName(e.target.value)}
          />
          <label className="check">
            <input type="checkbox" checked={head} onChange={(e) => setHead(e.target.checked)} />{' '}
            {t('committee.isHead')}
          </label>
          <button type="submit">{t('committee.add')}</button>
        </form>
      ) : null}
    </section>
  );
}
