// Shows an API problem in the reader's language: the message table by error code, never the raw English.

import type { ApiProblem } from '../api/client.js';
import { isMessageKey, useI18n } from '../i18n/i18n.js';

/** A function that words an API problem (code → message table; import errors keep the row detail). */
export function useProblemText(): (problem: ApiProblem) => string {
  const { t } = useI18n();
  return (problem) => {
    const key = `error.${problem.code}`;
    if (!isMessageKey(key)) return t('error.unknown', { code: problem.code });
    return t(key, { message: problem.message });
  };
}

/** An alert box for a problem (role="alert", so screen readers announce it); nothing when null. */
export function ProblemAlert({ problem }: { problem: ApiProblem | null }) {
  const text = useProblemText();
  const { t } = useI18n();
  if (problem === null) return null;
  const rows = problem.problems ?? [];
  return (
    <div className="alert alert-error" role="alert">
      {/* With rows listed, the summary would repeat the first row: say only that nothing was imported. */}
      <p>{rows.length > 0 ? t('import.refused') : text(problem)}</p>
      {rows.length > 0 ? <RowProblems rows={rows} /> : null}
    </div>
  );
}

/** The bad rows of an import, as the server lists them (its messages are Vietnamese first). */
function RowProblems({ rows }: { rows: NonNullable<ApiProblem['problems']> }) {
  const { t } = useI18n();
  return (
    <>
      <p>{t('import.problems')}:</p>
      <ul data-testid="import-problems">
        {rows.map((r) => (
          <li key={`${r.line}-${r.column}-${r.code}`}>
            {t('import.problemLine', { line: r.line, column: r.column, message: r.message })}
          </li>
        ))}
      </ul>
    </>
  );
}

/** A polite success message; nothing when null. */
export function Notice({ text }: { text: string | null }) {
  return (
    <p
      className={text === null ? 'visually-hidden' : 'alert alert-ok'}
      role="status"
      aria-live="polite"
    >
      {text ?? ''}
    </p>
  );
}
