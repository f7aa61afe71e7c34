// Thông tin in trên tài liệu — what the minutes, the report and the invitations print that the conference
// does not hold (issuing body, locality, opening time, the report's number, addressee and signer).

import { useEffect, useState, type FormEvent } from 'react';
import type { DocumentDetailsDto } from '../../../src/server/api-types.js';
import { request, type ApiProblem } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/vi.js';
import { TextAreaField, TextField } from './field.js';
import { Notice, ProblemAlert } from './problem.js';

/** The details as GET/PUT …/documents/details exchange them (DOCUMENT_DETAILS in the server). */
type DocumentDetails = DocumentDetailsDto;

type Field =
  | 'superior'
  | 'issuer'
  | 'locality'
  | 'time'
  | 'localPlanSubject'
  | 'reportNumber'
  | 'reportTo'
  | 'onBehalfOf'
  | 'signerTitle'
  | 'signerName'
  | 'recipients';
type Values = Record<Field, string>;

function toValues(d: DocumentDetails): Values {
  return {
    superior: d.issuingBody?.superior ?? '',
    issuer: d.issuingBody?.name ?? '',
    locality: d.locality ?? '',
    time: d.time ?? '',
    localPlanSubject: d.localPlanSubject ?? '',
    reportNumber: d.report?.number ?? '',
    reportTo: d.report?.to ?? '',
    onBehalfOf: d.report?.signer.onBehalfOf ?? '',
    signerTitle: d.report?.signer.title ?? '',
    signerName: d.report?.signer.name ?? '',
    recipients: (d.report?.recipients ?? []).join('\n'),
  };
}

/** The details to send, or the first field a reader must fill in (a report needs addressee and signer). */
function fromValues(v: Values): { ok: true; value: DocumentDetails } | { ok: false; field: Field } {
  const s = (x: string) => x.normalize('NFC').trim();
  const out: DocumentDetails = {};
  if (s(v.superior) !== '' && s(v.issuer) === '') return { ok: false, field: 'issuer' };
  if (s(v.issuer) !== '') {
    out.issuingBody = {
      name: s(v.issuer),
      ...(s(v.superior) === '' ? {} : { superior: s(v.superior) }),
    };
  }
  if (s(v.locality) !== '') out.locality = s(v.locality);
  if (s(v.time) !== '') {
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(s(v.time))) return { ok: false, field: 'time' };
    out.time = s(v.time);
  }
  if (s(v.localPlanSubject) !== '') out.localPlanSubject = s(v.localPlanSubject);
  const report = [
    v.reportNumber,
    v.reportTo,
    v.onBehalfOf,
    v.signerTitle,
    v.signerName,
    v.recipients,
  ];
  if (report.some((x) => s(x) !== '')) {
    for (const field of ['reportTo', 'signerTitle', 'signerName'] as const)
      if (s(v[field]) === '') return { ok: false, field };
    out.report = {
      ...(s(v.reportNumber) === '' ? {} : { number: s(v.reportNumber) }),
      to: s(v.reportTo),
      signer: {
        ...(s(v.onBehalfOf) === '' ? {} : { onBehalfOf: s(v.onBehalfOf) }),
        title: s(v.signerTitle),
        name: s(v.signerName),
      },
      recipients: v.recipients
        .split('\n')
        .map(s)
        .filter((x) => x !== ''),
    };
  }
  return { ok: true, value: out };
}

/** The form, folded: empty fields keep the defaults the server takes from the conference. */
export function DocumentDetailsForm({ conferenceId }: { conferenceId: string }) {
  const { t } = useI18n();
  const path = `/api/conferences/${encodeURIComponent(conferenceId)}/documents/details`;
  const [values, setValues] = useState<Values | null>(null);
  const [invalid, setInvalid] = useState<Field | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void request<DocumentDetails>('GET', path).then((result) => {
      if (!live) return;
      if (result.ok) setValues(toValues(result.value));
      else setProblem(result.error);
    });
    return () => {
      live = false;
    };
  }, [path]);

  if (values === null) return <ProblemAlert problem={problem} />;
  const label = (field: Field) => t(`documents.details.${field}` as MessageKey);
  const input = (field: Field, extra: { help?: string; placeholder?: string } = {}) => (
    <TextField
      label={label(field)}
      value={values[field]}
      error={
        invalid === field
          ? t('validation.required', { field: label(field).toLocaleLowerCase('vi') })
          : null
      }
      onChange={(e) => setValues({ ...values, [field]: e.target.value })}
      {...extra}
    />
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    setProblem(null);
    const parsed = fromValues(values);
    if (!parsed.ok) {
      setInvalid(parsed.field);
      return;
    }
    setInvalid(null);
    const result = await request<DocumentDetails>('PUT', path, parsed.value);
    if (result.ok) {
      setValues(toValues(result.value));
      setDone(t('common.saved'));
    } else setProblem(result.error);
  };
  return (
    <details className="document-details">
      <summary>{t('documents.details.title')}</summary>
      <p className="help">{t('documents.details.help')}</p>
      <form className="card" onSubmit={(e) => void submit(e)} noValidate>
        {input('superior')}
        {input('issuer')}
        {input('locality')}
        {input('time', { placeholder: '08:00', help: t('documents.details.timeHelp') })}
        {input('localPlanSubject')}
        <fieldset>
          <legend>{t('documents.details.report')}</legend>
          {input('reportNumber')}
          {input('reportTo')}
          {input('onBehalfOf')}
          {input('signerTitle')}
          {input('signerName')}
          <TextAreaField
            label={label('recipients')}
            rows={3}
            value={values.recipients}
            onChange={(e) => setValues({ ...values, recipients: e.target.value })}
          />
        </fieldset>
        <ProblemAlert problem={problem} />
        <Notice text={done} />
        <button type="submit" className="small">
          {t('common.save')}
        </button>
      </form>
    </details>
  );
}
