// Tạo / sửa đợt lấy phiếu — plan number and date, issuing body, rule set, year, units, deadlines (defaults §3.8).

import { useEffect, useState, type FormEvent } from 'react';
import type { ApiProblem } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { SelectField, TextField } from '../components/field.js';
import { ProblemAlert } from '../components/problem.js';
import { useLoad } from '../components/use-load.js';
import { parseDateInput, roundSchema } from '../forms/schemas.js';
import { useForm } from '../forms/use-form.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/vi.js';
import { navigate } from '../router.js';
import { unitTree } from './units.js';

const STEPS = ['reportToOffice', 'distributionToVoters', 'questionsForwarded', 'answers'] as const;

/** The round form; `roundId` null creates a round. */
export function RoundFormScreen({ roundId }: { roundId: string | null }) {
  const { t, date } = useI18n();
  const units = useLoad(() => api.units(), 'units');
  const defaults = useLoad(() => api.roundDefaults(), 'defaults');
  const existing = useLoad(
    () =>
      roundId === null ? Promise.resolve({ ok: true as const, value: null }) : api.round(roundId),
    roundId ?? 'new',
  );
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const labels = {
    planNumber: t('rounds.planNumber'),
    planDate: t('rounds.planDate'),
    issuingBody: t('rounds.issuingBody'),
    title: t('rounds.titleField'),
    ruleSetId: t('rounds.ruleSet'),
    year: t('rounds.year'),
    unitIds: t('rounds.units'),
    reportToOffice: t('rounds.deadline.reportToOffice'),
    distributionToVoters: t('rounds.deadline.distributionToVoters'),
    questionsForwarded: t('rounds.deadline.questionsForwarded'),
    answers: t('rounds.deadline.answers'),
  };
  const form = useForm(
    roundSchema,
    {
      planNumber: '',
      planDate: '',
      issuingBody: '',
      title: '',
      ruleSetId: 'qd96-2023',
      year: String(new Date().getFullYear()),
      unitIds: [] as string[],
      reportToOffice: '20',
      distributionToVoters: '15',
      questionsForwarded: '10',
      answers: '3',
    },
    labels,
  );

  // Defaults from the server (rules.md §3.8) for a new round; the round's own values when editing.
  const { reset } = form;
  useEffect(() => {
    const r = existing.data;
    const d = r?.deadlines ?? defaults.data?.deadlines;
    if (d === undefined || (roundId !== null && r == null)) return;
    reset({
      planNumber: r?.plan.number ?? '',
      planDate: r?.plan.date ? date(r.plan.date) : '',
      issuingBody: r?.plan.issuingBody ?? '',
      title: r?.title ?? '',
      ruleSetId: r?.ruleSetId ?? 'qd96-2023',
      year: String(r?.year ?? new Date().getFullYear()),
      unitIds: [...(r?.unitIds ?? [])],
      reportToOffice: String(d.reportToOffice),
      distributionToVoters: String(d.distributionToVoters),
      questionsForwarded: String(d.questionsForwarded),
      answers: String(d.answers),
    });
    // Runs when the loaded data arrives, not on every keystroke.
  }, [existing.data, defaults.data, reset, date, roundId]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v = form.submit();
    if (v === null) return;
    setProblem(null);
    const body = {
      plan: {
        number: v.planNumber,
        date: v.planDate.trim() === '' ? null : parseDateInput(v.planDate),
        issuingBody: v.issuingBody,
      },
      title: v.title,
      ruleSetId: v.ruleSetId,
      year: v.year,
      unitIds: v.unitIds,
      deadlines: {
        reportToOffice: v.reportToOffice,
        distributionToVoters: v.distributionToVoters,
        questionsForwarded: v.questionsForwarded,
        answers: v.answers,
      },
    };
    const result =
      roundId === null ? await api.createRound(body) : await api.updateRound(roundId, body);
    if (!result.ok) {
      setProblem(result.error);
      return;
    }
    navigate(`/rounds/${result.value.id}`);
  };

  const toggleUnit = (id: string, on: boolean) =>
    form.set(
      'unitIds',
      on ? [...form.values.unitIds, id] : form.values.unitIds.filter((u) => u !== id),
    );

  return (
    <section>
      <h1>{roundId === null ? t('rounds.new') : t('rounds.edit')}</h1>
      <ProblemAlert problem={units.problem ?? defaults.problem ?? existing.problem} />
      <form
        className="card form-grid"
        onSubmit={(e) => void submit(e)}
        noValidate
        data-testid="round-form"
      >
        <TextField
          label={labels.planNumber}
          name="planNumber"
          help={t('rounds.planNumberHelp')}
          required
          value={form.values.planNumber}
          error={form.error('planNumber')}
          onChange={(e) => form.set('planNumber', e.target.value)}
        />
        <TextField
          label={labels.planDate}
          name="planDate"
          placeholder="28/7/2023"
          inputMode="numeric"
          value={form.values.planDate}
          error={form.error('planDate')}
          onChange={(e) => form.set('planDate', e.target.value)}
        />
        <TextField
          label={labels.issuingBody}
          name="issuingBody"
          help={t('rounds.issuingBodyHelp')}
          required
          value={form.values.issuingBody}
          error={form.error('issuingBody')}
          onChange={(e) => form.set('issuingBody', e.target.value)}
        />
        <TextField
          label={labels.title}
          name="title"
          required
          value={form.values.title}
          error={form.error('title')}
          onChange={(e) => form.set('title', e.target.value)}
        />
        <SelectField
          label={labels.ruleSetId}
          name="ruleSetId"
          value={form.values.ruleSetId}
          onChange={(e) => form.set('ruleSetId', e.target.value)}
        >
          {(defaults.data?.ruleSets ?? ['qd96-2023', 'nq96-2023']).map((id) => (
            <option key={id} value={id}>
              {t(`ruleSet.${id}` as MessageKey)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={labels.year}
          name="year"
          inputMode="numeric"
          required
          value={form.values.year}
          error={form.error('year')}
          onChange={(e) => form.set('year', e.target.value)}
        />
        <fieldset className="span-all" aria-describedby="units-error">
          <legend>{labels.unitIds} *</legend>
          <div className="checklist">
            {unitTree(units.data ?? []).map(({ unit, depth }) => (
              <label key={unit.id} className={`check depth-${Math.min(depth, 6)}`}>
                <input
                  type="checkbox"
                  checked={form.values.unitIds.includes(unit.id)}
                  onChange={(e) => toggleUnit(unit.id, e.target.checked)}
                />{' '}
                {unit.name} <span className="muted">({unit.code})</span>
              </label>
            ))}
          </div>
          <small id="units-error" className="error-text" aria-live="polite">
            {form.error('unitIds') ?? ''}
          </small>
        </fieldset>
        <fieldset className="span-all">
          <legend>{t('rounds.deadlines')}</legend>
          <p className="help">{t('rounds.deadlinesHelp')}</p>
          <div className="form-grid">
            {STEPS.map((s) => (
              <TextField
                key={s}
                label={labels[s]}
                name={s}
                inputMode="numeric"
                value={form.values[s]}
                error={form.error(s)}
                onChange={(e) => form.set(s, e.target.value)}
              />
            ))}
          </div>
        </fieldset>
        <div className="span-all">
          <ProblemAlert problem={problem} />
          <button type="submit">{t('common.save')}</button>
        </div>
      </form>
    </section>
  );
}
