// Labelled form controls with help and a live error text, wired for screen readers (aria-describedby).

import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

interface FieldFrame {
  readonly label: string;
  readonly help?: string | undefined;
  readonly error?: string | null | undefined;
  readonly required?: boolean | undefined;
}

function Frame({
  id,
  label,
  help,
  error,
  required,
  children,
}: FieldFrame & { id: string; children: ReactNode }) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <div className="label-line">
        <label htmlFor={id}>{label}</label>
        {/* Outside the label, so the accessible name is the label alone; aria-required says it to screen readers. */}
        {required ? (
          <span aria-hidden="true" className="required-mark">
            *
          </span>
        ) : null}
      </div>
      {children}
      {help ? (
        <small id={`${id}-help`} className="help">
          {help}
        </small>
      ) : null}
      <small id={`${id}-error`} className="error-text" aria-live="polite">
        {error ?? ''}
      </small>
    </div>
  );
}

function described(id: string, help: string | undefined) {
  return help ? `${id}-help ${id}-error` : `${id}-error`;
}

/** A text-like input with its label. */
export function TextField({
  label,
  help,
  error,
  required,
  ...input
}: FieldFrame & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <Frame id={id} label={label} help={help} error={error} required={required}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, help)}
        aria-required={required ? true : undefined}
        {...input}
      />
    </Frame>
  );
}

/** A select with its label. */
export function SelectField({
  label,
  help,
  error,
  required,
  children,
  ...select
}: FieldFrame & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <Frame id={id} label={label} help={help} error={error} required={required}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, help)}
        {...select}
      >
        {children}
      </select>
    </Frame>
  );
}

/** A textarea with its label. */
export function TextAreaField({
  label,
  help,
  error,
  required,
  ...area
}: FieldFrame & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <Frame id={id} label={label} help={help} error={error} required={required}>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, help)}
        aria-required={required ? true : undefined}
        {...area}
      />
    </Frame>
  );
}
