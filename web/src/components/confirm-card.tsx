// A confirmation step in place: the question, the action and Cancel, for acts that cannot be undone.

/** What a ConfirmCard shows and does. */
export interface ConfirmCardProps {
  readonly label: string;
  readonly question: string;
  readonly submit: string;
  readonly cancel: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  readonly busy: boolean;
  readonly danger?: boolean;
  readonly testId: string;
}

/** The question with its confirming button (data-testid = testId) and a Cancel button. */
export function ConfirmCard(p: ConfirmCardProps) {
  return (
    <div className="card confirm" role="group" aria-label={p.label}>
      <p>{p.question}</p>
      <div className="row-wrap">
        <button
          type="button"
          className={p.danger ? 'danger' : undefined}
          onClick={p.onConfirm}
          disabled={p.busy}
          data-testid={p.testId}
        >
          {p.submit}
        </button>
        <button type="button" className="secondary" onClick={p.onCancel}>
          {p.cancel}
        </button>
      </div>
    </div>
  );
}
