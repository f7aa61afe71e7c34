// Ý kiến, yêu cầu giải trình — the voter asks about a person on their ballot, the office forwards, the person answers;
// the office sees the counts ("142 ý kiến, 0 yêu cầu giải trình").

import { useState, type FormEvent, type ReactNode } from 'react';
import type { ApiProblem } from '../api/client.js';
import { api } from '../api/endpoints.js';
import type { QuestionDto, SubjectDto } from '../api/types.js';
import { DeadlineLine, DeadlineList, stepOf } from '../components/deadlines.js';
import { SelectField, TextAreaField } from '../components/field.js';
import { Notice, ProblemAlert } from '../components/problem.js';
import { ReportsPanel } from '../components/reports-panel.js';
import { useLoad } from '../components/use-load.js';
import { longTextSchema, questionSchema } from '../forms/schemas.js';
import { useForm } from '../forms/use-form.js';
import { useI18n } from '../i18n/i18n.js';
import { Link } from '../router.js';
import { rolesOf, useSession } from '../session.js';

/** The questions screen of a conference, by the caller's role there. */
export function QuestionsScreen({ conferenceId }: { conferenceId: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const roles = rolesOf(user);
  const office = roles.has('administrator') || roles.has('organiser') || roles.has('inspector');
  const voter =
    user?.grants.some((g) => g.role === 'voter' && g.conferenceId === conferenceId) ?? false;
  const personIds = (user?.grants ?? []).flatMap((g) => (g.role === 'subject' ? [g.personId] : []));
  const conferences = useLoad(() => api.conferences(), 'my-conferences');
  const title = conferences.data?.find((c) => c.id === conferenceId)?.title;

  return (
    <section>
      <h1>{t('questions.title')}</h1>
      {title ? <p className="lead">{title}</p> : null}
      {office ? (
        <OfficeQuestions
          conferenceId={conferenceId}
          organiser={!roles.has('inspector') || roles.has('organiser')}
        />
      ) : null}
      {voter && !office ? <VoterQuestions conferenceId={conferenceId} /> : null}
      {!office
        ? personIds.map((personId) => (
            <PersonQuestions key={personId} conferenceId={conferenceId} personId={personId} />
          ))
        : null}
    </section>
  );
}

function QuestionItem({
  q,
  name,
  children,
}: {
  q: QuestionDto;
  name: string | undefined;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <li className={`card question question-${q.status}`} data-testid="question">
      <p className="muted">
        {t(q.kind === 'comment' ? 'questions.kind.comment' : 'questions.kind.clarification')}
        {name ? ` · ${t('questions.about')} ${name}` : ''} ·{' '}
        <span className={`status status-q-${q.status}`}>{t(`questions.status.${q.status}`)}</span>
      </p>
      <p className="question-text">{q.text}</p>
      {q.answer !== null ? (
        <blockquote className="answer" data-testid="answer">
          <strong>{t('questions.answer')}:</strong> {q.answer}
        </blockquote>
      ) : null}
      {children}
    </li>
  );
}

function OfficeQuestions({
  conferenceId,
  organiser,
}: {
  conferenceId: string;
  organiser: boolean;
}) {
  const { t } = useI18n();
  const questions = useLoad(() => api.questions(conferenceId), `q-${conferenceId}`);
  const counts = useLoad(() => api.questionCounts(conferenceId), `qc-${conferenceId}`);
  const subjects = useLoad(() => api.subjects(conferenceId), `s-${conferenceId}`);
  const deadlines = useLoad(() => api.deadlines(conferenceId), `d-${conferenceId}`);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [status, setStatus] = useState<'' | QuestionDto['status']>('');
  const nameOf = (personId: string) =>
    subjects.data?.find((s) => s.personId === personId)?.fullName;
  const shown = (questions.data ?? []).filter((q) => status === '' || q.status === status);

  const forward = async (id: string) => {
    setProblem(null);
    const result = await api.forwardQuestion(id);
    if (!result.ok) {
      setProblem(result.error);
      return;
    }
    setDone(t('questions.forwarded'));
    questions.reload();
    counts.reload();
  };

  return (
    <>
      <p>
        <Link href={`/conferences/${conferenceId}`}>← {t('conferences.builder')}</Link>
      </p>
      {counts.data ? (
        <p className="counts" role="status" data-testid="question-counts">
          {t('questions.counts', {
            total: counts.data.total,
            clarifications: counts.data.clarifications,
          })}
        </p>
      ) : null}
      {deadlines.data ? <DeadlineList deadlines={deadlines.data} /> : null}
      <ProblemAlert problem={problem ?? questions.problem} />
      <Notice text={done} />
      {questions.data?.length === 0 ? <p>{t('questions.none')}</p> : null}
      {(questions.data?.length ?? 0) > 0 ? (
        <SelectField
          label={t('common.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value as typeof status)}
        >
          <option value="">{t('questions.all')}</option>
          {(['submitted', 'forwarded', 'answered'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`questions.status.${s}`)}
            </option>
          ))}
        </SelectField>
      ) : null}
      <ul className="question-list">
        {shown.map((q) => (
          <QuestionItem key={q.id} q={q} name={nameOf(q.personId)}>
            {organiser && q.status === 'submitted' ? (
              <button type="button" className="small" onClick={() => void forward(q.id)}>
                {t('questions.forward')}
              </button>
            ) : null}
          </QuestionItem>
        ))}
      </ul>
    </>
  );
}

function VoterQuestions({ conferenceId }: { conferenceId: string }) {
  const { t } = useI18n();
  const subjects = useLoad(() => api.subjects(conferenceId), `s-${conferenceId}`);
  const questions = useLoad(() => api.questions(conferenceId), `q-${conferenceId}`);
  const deadlines = useLoad(() => api.deadlines(conferenceId), `d-${conferenceId}`);
  const ballot: SubjectDto[] = (subjects.data ?? []).filter((s) => s.effectiveDecision === 'vote');
  const step = stepOf(deadlines.data, 'questionsForwarded');
  const nameOf = (personId: string) => ballot.find((s) => s.personId === personId)?.fullName;

  return (
    <>
      {step && deadlines.data ? (
        <ul className="deadlines">
          <DeadlineLine step={step} today={deadlines.data.today} />
        </ul>
      ) : null}
      <ProblemAlert problem={subjects.problem} />
      {step?.passed !== true ? (
        <AskForm conferenceId={conferenceId} ballot={ballot} onSent={questions.reload} />
      ) : null}
      <h2>{t('questions.title')}</h2>
      {questions.data?.length === 0 ? <p>{t('questions.none')}</p> : null}
      <ul className="question-list">
        {(questions.data ?? []).map((q) => (
          <QuestionItem key={q.id} q={q} name={nameOf(q.personId)} />
        ))}
      </ul>
      <ReportsPanel
        conferenceId={conferenceId}
        subjects={ballot.map((s) => ({
          personId: s.personId,
          fullName: s.fullName,
          title: s.title,
        }))}
        canUpload={false}
      />
    </>
  );
}

function AskForm({
  conferenceId,
  ballot,
  onSent,
}: {
  conferenceId: string;
  ballot: readonly SubjectDto[];
  onSent: () => void;
}) {
  const { t } = useI18n();
  const labels = {
    personId: t('questions.about'),
    kind: t('questions.kind'),
    text: t('questions.text'),
  };
  const form = useForm(questionSchema, { personId: '', kind: 'comment', text: '' }, labels);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const personId = form.values.personId || ballot[0]?.personId || '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Marks every field touched; the person defaults to the first on the ballot.
    form.submit();
    const parsed = questionSchema.safeParse({ ...form.values, personId });
    if (!parsed.success) return;
    const v = parsed.data;
    setProblem(null);
    const result = await api.askQuestion(conferenceId, v.personId, { kind: v.kind, text: v.text });
    if (!result.ok) {
      setProblem(result.error);
      return;
    }
    setDone(t('questions.sent'));
    form.reset({ personId: v.personId, kind: v.kind, text: '' });
    onSent();
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate data-testid="ask-form">
      <h2>{t('questions.ask')}</h2>
      <SelectField
        label={labels.personId}
        name="personId"
        value={personId}
        onChange={(e) => form.set('personId', e.target.value)}
      >
        {ballot.map((s) => (
          <option key={s.personId} value={s.personId}>
            {s.fullName} — {s.title}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={labels.kind}
        name="kind"
        value={form.values.kind}
        onChange={(e) => form.set('kind', e.target.value)}
      >
        <option value="comment">{t('questions.kind.comment')}</option>
        <option value="clarification">{t('questions.kind.clarification')}</option>
      </SelectField>
      <TextAreaField
        label={labels.text}
        name="text"
        required
        rows={4}
        value={form.values.text}
        error={form.error('text')}
        onChange={(e) => form.set('text', e.target.value)}
      />
      <ProblemAlert problem={problem} />
      <Notice text={done} />
      <button type="submit">{t('common.send')}</button>
    </form>
  );
}

function PersonQuestions({ conferenceId, personId }: { conferenceId: string; personId: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const questions = useLoad(
    () => api.personQuestions(conferenceId, personId),
    `pq-${conferenceId}-${personId}`,
  );
  const list = questions.data ?? [];
  return (
    <>
      <h2>{t('questions.mine')}</h2>
      <ProblemAlert problem={questions.problem} />
      {list.length === 0 ? <p>{t('questions.none')}</p> : null}
      <ul className="question-list">
        {list.map((q) => (
          <QuestionItem key={q.id} q={q} name={undefined}>
            {q.status === 'forwarded' ? (
              <AnswerForm questionId={q.id} onDone={questions.reload} />
            ) : null}
          </QuestionItem>
        ))}
      </ul>
      <ReportsPanel
        conferenceId={conferenceId}
        subjects={[{ personId, fullName: user?.displayName ?? '', title: '' }]}
        canUpload
      />
    </>
  );
}

function AnswerForm({ questionId, onDone }: { questionId: string; onDone: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const valid = longTextSchema.safeParse(text);
  const error =
    touched && !valid.success
      ? t('validation.required', { field: t('questions.answerText').toLocaleLowerCase() })
      : null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!valid.success) return;
    const result = await api.answerQuestion(questionId, valid.data);
    if (!result.ok) {
      setProblem(result.error);
      return;
    }
    onDone();
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="answer-form">
      <TextAreaField
        label={t('questions.answerText')}
        required
        rows={3}
        value={text}
        error={error}
        onChange={(e) => {
          setText(e.target.value);
          setTouched(true);
        }}
      />
      <ProblemAlert problem={problem} />
      <button type="submit" className="small">
        {t('questions.answer')}
      </button>
    </form>
  );
}
