// Một đợt lấy phiếu — its plan, deadlines and conferences, and the form that creates a conference in it.

import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '../api/client.js';
import { api } from '../api/endpoints.js';
import type { RoundDto, UnitDto } from '../api/types.js';
import { RoundDocuments } from '../components/document-downloads.js';
import { SelectField, TextField } from '../components/field.js';
import { planText } from '../components/plan.js';
import { ProblemAlert } from '../components/problem.js';
import { useLoad } from '../components/use-load.js';
import { conferenceSchema, parseDateInput } from '../forms/schemas.js';
import { useForm } from '../forms/use-form.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/vi.js';
import { Link, navigate } from '../router.js';
import { canOrganise, useSession } from '../session.js';
import { UnitOptions } from './units.js';

const STEPS = ['reportToOffice', 'distributionToVoters', 'questionsForwarded', 'answers'] as const;

/**
 * The units an aggregate can be asked for: the caller's own units (competent authority, organiser,
 * inspector) first, then the round's units, among those the caller reaches.
 */
function aggregateUnits(
  round: RoundDto,
  reachable: readonly UnitDto[],
  grants: readonly { role: string; unitId?: string }[],
): UnitDto[] {
  const own = grants.flatMap((g) =>
    g.role === 'competent-authority' || g.role === 'organiser' || g.role === 'inspector'
      ? [g.unitId ?? '']
      : [],
  );
  const ids = [...new Set([...own, ...round.unitIds])];
  return ids.flatMap((id) => reachable.filter((u) => u.id === id));
}

/** The round screen. */
export function RoundScreen({ roundId }: { roundId: string }) {
  const i18n = useI18n();
  const { t, date } = i18n;
  const { user } = useSession();
  const round = useLoad(() => api.round(roundId), roundId);
  const conferences = useLoad(() => api.conferences(roundId), `c-${roundId}`);
  const units = useLoad(() => api.units(), 'units');
  const r = round.data;
  if (r === undefined) return <ProblemAlert problem={round.problem} />;
  const unitName = (id: string) => units.data?.find((u) => u.id === id)?.name ?? id;

  return (
    <section>
      <h1>{r.title}</h1>
      <dl className="facts">
        <dt>{t('rounds.plan')}</dt>
        <dd data-testid="round-plan">
          {planText(r.plan, i18n)} — {r.plan.issuingBody}
        </dd>
        <dt>{t('rounds.ruleSet')}</dt>
        <dd>{t(`ruleSet.${r.ruleSetId}` as MessageKey)}</dd>
        <dt>{t('rounds.year')}</dt>
        <dd>{r.year}</dd>
        <dt>{t('rounds.units')}</dt>
        <dd>{r.unitIds.map(unitName).join('; ')}</dd>
        <dt>{t('rounds.deadlines')}</dt>
        <dd>
          <ul className="plain">
            {STEPS.map((s) => (
              <li key={s}>
                {t(`rounds.deadline.${s}`)}: {t('rounds.daysBefore', { days: r.deadlines[s] })}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      {canOrganise(user) ? (
        <p>
          <Link href={`/rounds/${r.id}/edit`}>{t('rounds.edit')}</Link>
        </p>
      ) : null}
      <h2>{t('rounds.conferences')}</h2>
      <ProblemAlert problem={conferences.problem} />
      {conferences.data?.length === 0 ? <p>{t('conferences.none')}</p> : null}
      <ul className="cards" data-testid="conference-list">
        {(conferences.data ?? []).map((c) => (
          <li key={c.id} className="card">
            <Link href={`/conferences/${c.id}`}>{c.title}</Link>
            <p className="muted">
              {date(c.date)} · {c.place} · {unitName(c.unitId)} ·{' '}
              <span className={`status status-${c.status}`}>
                {t(`status.${c.status}` as MessageKey)}
              </span>
            </p>
          </li>
        ))}
      </ul>
      {units.data ? (
        <RoundDocuments roundId={r.id} units={aggregateUnits(r, units.data, user?.grants ?? [])} />
      ) : null}
      {canOrganise(user) && units.data ? <NewConferenceForm round={r} units={units.data} /> : null}
    </section>
  );
}

function NewConferenceForm({ round, units }: { round: RoundDto; units: readonly UnitDto[] }) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const labels = {
    roundId: t('conferences.round'),
    unitId: t('common.unit'),
    title: t('conferences.titleField'),
    date: t('conferences.date'),
    place: t('conferences.place'),
    chair: t('conferences.chair'),
    ruleSetId: t('rounds.ruleSet'),
    placeKind: t('conferences.placeKind'),
  };
  const form = useForm(
    conferenceSchema,
    {
      roundId: round.id,
      unitId: round.unitIds[0] ?? '',
      title: '',
      date: '',
      place: '',
      chair: '',
      ruleSetId: String(round.ruleSetId),
      placeKind: 'workplace',
    },
    labels,
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v = form.submit();
    if (v === null) return;
    setProblem(null);
    const result = await api.createConference({
      ...v,
      date: parseDateInput(v.date)!,
      countingMode: 'paper',
    });
    if (!result.ok) {
      setProblem(result.error);
      return;
    }
    navigate(`/conferences/${result.value.id}`);
  };
  return (
    <form
      className="card form-grid"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="conference-form"
    >
      <h2 className="span-all">{t('conferences.new')}</h2>
      <SelectField
        label={labels.unitId}
        name="unitId"
        value={form.values.unitId}
        onChange={(e) => form.set('unitId', e.target.value)}
      >
        <UnitOptions units={units} />
      </SelectField>
      <TextField
        label={labels.title}
        name="title"
        required
        value={form.values.title}
        error={form.error('title')}
        onChange={(e) => form.set('title', e.target.value)}
      />
      <TextField
        label={labels.date}
        name="date"
        required
        placeholder="29/9/2023"
        inputMode="numeric"
        value={form.values.date}
        error={form.error('date')}
        onChange={(e) => form.set('date', e.target.value)}
      />
      <TextField
        label={labels.place}
        name="place"
        required
        value={form.values.place}
        error={form.error('place')}
        onChange={(e) => form.set('place', e.target.value)}
      />
      <TextField
        label={labels.chair}
        name="chair"
        required
        value={form.values.chair}
        error={form.error('chair')}
        onChange={(e) => form.set('chair', e.target.value)}
      />
      <SelectField
        label={labels.ruleSetId}
        name="ruleSetId"
        value={form.values.ruleSetId}
        onChange={(e) => form.set('ruleSetId', e.target.value)}
      >
        {(['qd96-2023', 'nq96-2023'] as const).map((id) => (
          <option key={id} value={id}>
            {t(`ruleSet.${id}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={labels.placeKind}
        name="placeKind"
        value={form.values.placeKind}
        onChange={(e) => form.set('placeKind', e.target.value)}
      >
        {(['highest-party-committee', 'peoples-council', 'workplace'] as const).map((k) => (
          <option key={k} value={k}>
            {t(`place.${k}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('conferences.countingMode')} name="countingMode" value="paper" disabled>
        <option value="paper">{t('conferences.mode.paper')}</option>
      </SelectField>
      <div className="span-all">
        <ProblemAlert problem={problem} />
        <button type="submit">{t('conferences.new')}</button>
      </div>
    </form>
  );
}
