// A file import with progress: choose a CSV/XLSX file, watch the upload bar, then the server's summary.

import { useId, useState, type FormEvent } from 'react';
import type { ApiProblem, ApiResult, UploadProgress } from '../api/client.js';
import type { ImportSummary } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { formatPercentOf } from './percent.js';
import { Notice, ProblemAlert } from './problem.js';

/** Props: the title, the column help, what the file goes to, and what to do once imported. */
export interface ImportBoxProps {
  readonly title: string;
  readonly help: string;
  readonly accept?: string;
  readonly send: (
    file: File,
    onProgress: (p: UploadProgress) => void,
  ) => Promise<ApiResult<ImportSummary>>;
  readonly onDone?: (summary: ImportSummary) => void;
  readonly testId?: string;
}

/** The import form with a <progress> bar (upload share, then indeterminate while the server works). */
export function ImportBox({
  title,
  help,
  accept = '.csv,.xlsx',
  send,
  onDone,
  testId,
}: ImportBoxProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const busy = progress !== null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (file === null) return;
    setProblem(null);
    setDone(null);
    setProgress({ sent: 0, total: file.size });
    const result = await send(file, setProgress);
    setProgress(null);
    if (!result.ok) {
      setProblem(result.error);
      return;
    }
    setDone(t('import.done', { ...result.value }));
    onDone?.(result.value);
  };

  const uploading = progress !== null && progress.sent < progress.total;
  return (
    <form
      className="card import-box"
      onSubmit={(e) => void submit(e)}
      data-testid={testId}
      aria-busy={busy}
    >
      <h3>{title}</h3>
      <p className="help" id={`${id}-help`}>
        {help}
      </p>
      <div className="row">
        <label className="file-label" htmlFor={id}>
          {t('import.choose')}
        </label>
        <input
          id={id}
          type="file"
          accept={accept}
          aria-describedby={`${id}-help`}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <button type="submit" disabled={file === null || busy}>
          {t('import.start')}
        </button>
      </div>
      {progress !== null ? (
        <div className="progress-line">
          <progress
            aria-label={t('import.progress')}
            {...(uploading ? { max: progress.total, value: progress.sent } : {})}
          />
          <span>
            {uploading
              ? t('import.uploading', {
                  percent: formatPercentOf(progress.sent, progress.total, lang),
                })
              : t('import.processing')}
          </span>
        </div>
      ) : null}
      <ProblemAlert problem={problem} />
      <Notice text={done} />
    </form>
  );
}
