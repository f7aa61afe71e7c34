// A confirmation step in place: the question, the action and Cancel, for acts that cannot be undone.

import { useState } from 'react';

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

/** What a ConfirmButton shows and does: the button's words, class and test id, then the card's. */
export interface ConfirmButtonProps extends Omit<ConfirmCardProps, 'onConfirm' | 'onCancel'> {
  readonly trigger: string;
  readonly triggerClass: string;
  readonly triggerTestId: string;
  /** The act; the card folds back into the button once it has finished. */
  readonly onConfirm: () => Promise<unknown>;
}

/** A button that asks first: pressed, it becomes a ConfirmCard in its place. */
export function ConfirmButton({
  trigger,
  triggerClass,
  triggerTestId,
  ...card
}: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button
        type="button"
        className={triggerClass}
        onClick={() => setAsking(true)}
        data-testid={triggerTestId}
      >
        {trigger}
      </button>
    );
  return (
    <ConfirmCard
      {...card}
      onConfirm={() => void card.onConfirm().finally(() => setAsking(false))}
      onCancel={() => setAsking(false)}
    />
  );
}
