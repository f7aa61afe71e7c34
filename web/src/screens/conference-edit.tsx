// Sửa thông tin hội nghị — edit a conference while it is being prepared: title, date, place, chair, rule set, place kind.

import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '../api/client.js';
import { api } from '../api/endpoints.js';
import type { ConferenceDto } from '../api/types.js';
import { SelectField, TextField } from '../components/field.js';
import { ProblemAlert } from '../components/problem.js';
import { conferenceSchema, parseDateInput } from '../forms/schemas.js';
import { useForm } from '../forms/use-form.js';
import { useI18n } from '../i18n/i18n.js';

const editSchema = conferenceSchema.omit({ roundId: true, unitId: true });

/** The edit form, folded behind a button; `onSaved` reloads the conference. */
export function ConferenceEdit({
  conference,
  onSaved,
}: {
  conference: ConferenceDto;
  onSaved: () => void;
}) {
  const { t, date } = useI18n();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const labels = {
    title: t('conferences.titleField'),
    date: t('conferences.date'),
    place: t('conferences.place'),
    chair: t('conferences.chair'),
    ruleSetId: t('rounds.ruleSet'),
    placeKind: t('conferences.placeKind'),
  };
  const form = useForm(
    editSchema,
    {
      title: conference.title,
      date: date(conference.date),
      place: conference.place,
      chair: conference.chair,
      ruleSetId: String(conference.ruleSetId),
      placeKind: String(conference.placeKind),
    },
    labels,
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v = form.submit();
    if (v === null) return;
    setProblem(null);
    const result = await api.updateConference(conference.id, {
      ...v,
      date: parseDateInput(v.date)!,
    });
    if (!result.ok) {
      setProblem(result.error);
      return;
    }
    setOpen(false);
    onSaved();
  };
  if (!open) {
    return (
      <button type="button" className="small secondary" onClick={() => setOpen(true)}>
        {t('conferences.edit')}
      </button>
    );
  }
  return (
    <form
      className="card form-grid"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="conference-edit"
    >
      <h2 className="span-all">{t('conferences.edit')}</h2>
      <TextField
        label={labels.title}
        required
        value={form.values.title}
        error={form.error('title')}
        onChange={(e) => form.set('title', e.target.value)}
      />
      <TextField
        label={labels.date}
        required
        inputMode="numeric"
        value={form.values.date}
        error={form.error('date')}
        onChange={(e) => form.set('date', e.target.value)}
      />
      <TextField
        label={labels.place}
        required
        value={form.values.place}
        error={form.error('place')}
        onChange={(e) => form.set('place', e.target.value)}
      />
      <TextField
        label={labels.chair}
        required
        value={form.values.chair}
        error={form.error('chair')}
        onChange={(e) => form.set('chair', e.target.value)}
      />
      <SelectField
        label={labels.ruleSetId}
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
        value={form.values.placeKind}
        onChange={(e) => form.set('placeKind', e.target.value)}
      >
        {(['highest-party-committee', 'peoples-council', 'workplace'] as const).map((k) => (
          <option key={k} value={k}>
            {t(`place.${k}`)}
          </option>
        ))}
      </SelectField>
      <div className="span-all row-wrap">
        <ProblemAlert problem={problem} />
        <button type="submit">{t('common.save')}</button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
