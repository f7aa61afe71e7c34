// Báo cáo tự kiểm điểm — per person voted on: the reports uploaded (to open) and, for who may, an upload with progress.

import { useId, useState, type FormEvent } from 'react';
import { REPORT_MAX_BYTES } from '../../../src/core/model/index.js';
import type { ApiProblem, UploadProgress } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { useI18n } from '../i18n/i18n.js';
import { formatPercentOf } from './percent.js';
import { Notice, ProblemAlert } from './problem.js';
import { useLoad } from './use-load.js';

/** A person whose reports are shown. */
export interface ReportPerson {
  readonly personId: string;
  readonly fullName: string;
  readonly title: string;
}

/** The reports of each person; `canUpload` adds the upload form (the office, or the person themself). */
export function ReportsPanel(props: {
  conferenceId: string;
  subjects: readonly ReportPerson[];
  canUpload: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="panel" data-testid="reports-panel">
      <h2>{t('reports.title')}</h2>
      {props.subjects.length === 0 ? <p>{t('reports.none')}</p> : null}
      {props.subjects.map((s) => (
        <PersonReports
          key={s.personId}
          conferenceId={props.conferenceId}
          person={s}
          canUpload={props.canUpload}
        />
      ))}
    </div>
  );
}

function fileProblem(file: File): 'reports.tooLarge' | 'reports.wrongType' | null {
  if (file.size > REPORT_MAX_BYTES) return 'reports.tooLarge';
  const name = file.name.toLowerCase();
  return name.endsWith('.pdf') || name.endsWith('.docx') ? null : 'reports.wrongType';
}

function PersonReports({
  conferenceId,
  person,
  canUpload,
}: {
  conferenceId: string;
  person: ReportPerson;
  canUpload: boolean;
}) {
  const { t, lang, date } = useI18n();
  const id = useId();
  const reports = useLoad(
    () => api.personReports(conferenceId, person.personId),
    `${conferenceId}/${person.personId}`,
  );
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const local = file === null ? null : fileProblem(file);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (file === null || local !== null) return;
    setProblem(null);
    setDone(null);
    setProgress({ sent: 0, total: file.size });
    const result = await api.uploadReport(conferenceId, person.personId, file, setProgress);
    setProgress(null);
    if (!result.ok) {
      setProblem(result.error);
      return;
    }
    setDone(t('reports.uploaded'));
    reports.reload();
  };

  const list = reports.data ?? [];
  return (
    <div className="card" data-testid="person-reports">
      <h3>
        {t('reports.forPerson')} {person.fullName}
        {person.title ? <span className="muted"> — {person.title}</span> : null}
      </h3>
      <ProblemAlert problem={reports.problem} />
      {list.length === 0 ? <p className="muted">{t('reports.none')}</p> : null}
      <ul>
        {list.map((r) => (
          <li key={r.id}>
            <a href={api.reportUrl(conferenceId, person.personId, r.id)}>
              {t('reports.view')}: {r.fileName}
            </a>{' '}
            <span className="muted">
              ({Math.ceil(r.sizeBytes / 1024)} KB, {date(r.uploadedAt.slice(0, 10))})
            </span>
          </li>
        ))}
      </ul>
      {canUpload ? (
        <form onSubmit={(e) => void submit(e)} noValidate aria-busy={progress !== null}>
          <label htmlFor={id}>{t('reports.upload')}</label>
          <div className="row-wrap">
            <input
              id={id}
              type="file"
              accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              aria-invalid={local !== null ? true : undefined}
              aria-describedby={`${id}-error`}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            <button
              type="submit"
              className="small"
              disabled={file === null || local !== null || progress !== null}
            >
              {t('common.send')}
            </button>
          </div>
          <small id={`${id}-error`} className="error-text" aria-live="polite">
            {local === null ? '' : t(local)}
          </small>
          {progress !== null ? (
            <div className="progress-line">
              <progress
                aria-label={t('import.progress')}
                max={Math.max(1, progress.total)}
                value={progress.sent}
              />
              <span>
                {t('import.uploading', {
                  percent: formatPercentOf(progress.sent, progress.total, lang),
                })}
              </span>
            </div>
          ) : null}
          <ProblemAlert problem={problem} />
          <Notice text={done} />
        </form>
      ) : null}
    </div>
  );
}
