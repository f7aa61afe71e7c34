// Tải tài liệu — download buttons: ballots and invitations (conference), minutes, report and the public
// summary (result), the round's aggregate. Self-contained: each part needs only ids.

import { useId, useState } from 'react';
import type { PublicSummaryTextDto } from '../../../src/server/api-types.js';
import { request, type ApiProblem } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/vi.js';
import { DocumentDetailsForm } from './document-details-form.js';
import { Notice, ProblemAlert } from './problem.js';
import { useLoad } from './use-load.js';

const enc = encodeURIComponent;

/** The file name a download answers with: filename* (UTF-8) first, else the ASCII fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (disposition === null) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (star !== undefined) {
    try {
      return decodeURIComponent(star);
    } catch {
      // A malformed encoding falls through to the plain name.
    }
  }
  return /filename="([^"]*)"/i.exec(disposition)?.[1] ?? fallback;
}

/**
 * Downloads a document: fetched first, so that a refusal (result not ready, role) is shown in the
 * reader's words instead of a JSON page; then saved under the server's Vietnamese file name.
 */
async function downloadDocument(
  path: string,
): Promise<{ ok: true; name: string } | { ok: false; problem: ApiProblem }> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch (e) {
    return { ok: false, problem: { code: 'network', message: (e as Error).message, status: 0 } };
  }
  if (!response.ok) {
    type ErrorBody = { error?: { code?: string; message?: string } } | null;
    let body: ErrorBody;
    try {
      body = (await response.json()) as ErrorBody;
    } catch {
      body = null;
    }
    const code = body?.error?.code ?? (response.status === 404 ? 'not_found' : 'internal_error');
    return {
      ok: false,
      problem: { code, message: body?.error?.message ?? '', status: response.status },
    };
  }
  const blob = await response.blob();
  const name = fileNameOf(response.headers.get('content-disposition'), 'tai-lieu');
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the blob once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { ok: true, name };
}

/** One download button with its busy state, its problem and its "downloaded" notice. */
function DownloadButton(props: { path: string; label: MessageKey; testId: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const click = async () => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    const result = await downloadDocument(props.path);
    setBusy(false);
    if (result.ok) setDone(t('documents.downloaded', { name: result.name }));
    else setProblem(result.problem);
  };
  return (
    <div className="download">
      <button
        type="button"
        className="small"
        data-testid={props.testId}
        disabled={busy}
        aria-busy={busy}
        onClick={() => void click()}
      >
        {busy ? t('documents.downloading') : t(props.label)}
      </button>
      {problem?.code === 'result_not_ready' ? (
        <div className="alert alert-error" role="alert">
          <p>{t('documents.notReady')}</p>
        </div>
      ) : (
        <ProblemAlert problem={problem} />
      )}
      <Notice text={done} />
    </div>
  );
}

/**
 * The conference page's documents: ballots (a style or all, N copies) and, for the organiser, the
 * invitations with their QR check-in codes.
 */
export function ConferenceDocuments(props: { conferenceId: string; canInvite: boolean }) {
  const { t } = useI18n();
  const styleId = useId();
  const copiesId = useId();
  const styles = useLoad(() => api.ballotStyles(props.conferenceId), `b-${props.conferenceId}`);
  const [style, setStyle] = useState('');
  const [copies, setCopies] = useState('1');
  const n = Number(copies);
  const copiesOk = /^\d+$/.test(copies) && n >= 1 && n <= 1000;
  const base = `/api/conferences/${enc(props.conferenceId)}/documents`;
  const query = new URLSearchParams({ copies: copiesOk ? String(n) : '1' });
  if (style !== '') query.set('style', style);
  return (
    <div className="panel" data-testid="conference-documents">
      <h2>{t('documents.title')}</h2>
      <h3>{t('documents.ballots')}</h3>
      <div className="row-wrap">
        <label htmlFor={styleId}>
          {t('documents.ballotStyle')}{' '}
          <select id={styleId} value={style} onChange={(e) => setStyle(e.target.value)}>
            <option value="">{t('documents.allBallots')}</option>
            {(styles.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={copiesId}>
          {t('documents.copies')}{' '}
          <input
            id={copiesId}
            type="number"
            inputMode="numeric"
            min={1}
            max={1000}
            value={copies}
            aria-invalid={!copiesOk}
            aria-describedby={`${copiesId}-help`}
            onChange={(e) => setCopies(e.target.value)}
          />
        </label>
      </div>
      <p className="help" id={`${copiesId}-help`}>
        {t('documents.copiesHelp')}
      </p>
      <DownloadButton
        path={`${base}/ballots?${query.toString()}`}
        label="documents.downloadBallots"
        testId="download-ballots"
      />
      {props.canInvite ? (
        <>
          <h3>{t('documents.invitations')}</h3>
          <p className="help">{t('documents.invitationsHelp')}</p>
          <DownloadButton
            path={`${base}/invitations`}
            label="documents.downloadInvitations"
            testId="download-invitations"
          />
          <DocumentDetailsForm conferenceId={props.conferenceId} />
        </>
      ) : null}
    </div>
  );
}

/**
 * The result page's documents: minutes and report as PDF or Word, and the public summary to copy.
 * Mount it with the conference id only: `<ResultDocuments conferenceId={id} />`.
 */
export function ResultDocuments(props: { conferenceId: string; showReport?: boolean }) {
  const { t, lang } = useI18n();
  const base = `/api/conferences/${enc(props.conferenceId)}/documents`;
  const [summary, setSummary] = useState<PublicSummaryTextDto | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    setProblem(null);
    setCopied(null);
    const result = await request<PublicSummaryTextDto>('GET', `${base}/summary`);
    if (!result.ok) {
      setProblem(result.error);
      return;
    }
    setSummary(result.value);
    try {
      await navigator.clipboard.writeText(result.value[lang]);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="panel" data-testid="result-documents">
      <h2>{t('documents.result')}</h2>
      <div className="row-wrap">
        <DownloadButton
          path={`${base}/minutes?format=pdf`}
          label="documents.minutesPdf"
          testId="download-minutes-pdf"
        />
        <DownloadButton
          path={`${base}/minutes?format=docx`}
          label="documents.minutesDocx"
          testId="download-minutes-docx"
        />
        {props.showReport === false ? null : (
          <>
            <DownloadButton
              path={`${base}/report?format=pdf`}
              label="documents.reportPdf"
              testId="download-report-pdf"
            />
            <DownloadButton
              path={`${base}/report?format=docx`}
              label="documents.reportDocx"
              testId="download-report-docx"
            />
          </>
        )}
      </div>
      <h3>{t('documents.summary')}</h3>
      <p className="help">{t('documents.summaryHelp')}</p>
      <button
        type="button"
        className="small secondary"
        data-testid="copy-summary"
        onClick={() => void copy()}
      >
        {t('documents.copySummary')}
      </button>
      {problem?.code === 'result_not_ready' ? (
        <div className="alert alert-error" role="alert">
          <p>{t('documents.notReady')}</p>
        </div>
      ) : (
        <ProblemAlert problem={problem} />
      )}
      <Notice
        text={
          copied === 'yes'
            ? t('documents.copied')
            : copied === 'failed'
              ? t('documents.copyFailed')
              : null
        }
      />
      {summary ? (
        <blockquote lang={lang} data-testid="public-summary">
          {summary[lang]}
        </blockquote>
      ) : null}
    </div>
  );
}

/** The round page's aggregate: XLSX (filters on) or PDF, for one unit and everything below it. */
export function RoundDocuments(props: {
  roundId: string;
  units: readonly { id: string; name: string }[];
}) {
  const { t } = useI18n();
  const unitFieldId = useId();
  const [unitId, setUnitId] = useState(props.units[0]?.id ?? '');
  if (props.units.length === 0) return null;
  const path = (format: 'xlsx' | 'pdf') =>
    `/api/rounds/${enc(props.roundId)}/documents/aggregate?unitId=${enc(unitId)}&format=${format}`;
  return (
    <div className="panel" data-testid="round-documents">
      <h2>{t('documents.aggregate')}</h2>
      <label htmlFor={unitFieldId}>
        {t('documents.aggregateUnit')}{' '}
        <select id={unitFieldId} value={unitId} onChange={(e) => setUnitId(e.target.value)}>
          {props.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <div className="row-wrap">
        <DownloadButton
          path={path('xlsx')}
          label="documents.aggregateXlsx"
          testId="download-aggregate-xlsx"
        />
        <DownloadButton
          path={path('pdf')}
          label="documents.aggregatePdf"
          testId="download-aggregate-pdf"
        />
      </div>
    </div>
  );
}
