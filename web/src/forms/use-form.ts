// Form state that validates as the person types: errors per field from a zod schema, shown once a field is touched.

import { useCallback, useMemo, useState } from 'react';
import type { z } from 'zod';
import { useI18n } from '../i18n/i18n.js';
import { isMessageKey } from '../i18n/i18n.js';

/** What useForm gives a screen. */
export interface FormState<V extends Record<string, unknown>, O> {
  readonly values: V;
  readonly set: <K extends keyof V>(name: K, value: V[K]) => void;
  /** The error text of a field, once touched (or after a submit attempt). */
  readonly error: (name: keyof V) => string | null;
  /** Marks every field touched; the parsed output when valid, else null. */
  readonly submit: () => O | null;
  readonly reset: (values: V) => void;
}

/**
 * Validates on every change against `schema` (the issue's "validate as you type"); messages are keys of
 * the message table, worded in the reader's language with the field's label.
 */
export function useForm<V extends Record<string, unknown>, S extends z.ZodType>(
  schema: S,
  initial: V,
  labels: Partial<Record<keyof V, string>>,
): FormState<V, z.output<S>> {
  const { t } = useI18n();
  const [values, setValues] = useState<V>(initial);
  const [touched, setTouched] = useState<Set<keyof V>>(new Set());
  const parsed = useMemo(() => schema.safeParse(values), [schema, values]);
  const errors = useMemo(() => {
    const out = new Map<string, string>();
    if (parsed.success) return out;
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? '');
      if (out.has(name)) continue;
      const label = labels[name as keyof V] ?? name;
      const max = 'maximum' in issue ? String(issue.maximum) : '';
      out.set(
        name,
        isMessageKey(issue.message)
          ? t(issue.message, { field: label.toLocaleLowerCase(), max })
          : issue.message,
      );
    }
    return out;
  }, [parsed, labels, t]);
  // Stable, so a screen may reset from an effect when its data arrives.
  const reset = useCallback((next: V) => {
    setValues(next);
    setTouched(new Set());
  }, []);
  return {
    values,
    set: (name, value) => {
      setValues((v) => ({ ...v, [name]: value }));
      setTouched((s) => new Set(s).add(name));
    },
    error: (name) => (touched.has(name) ? (errors.get(String(name)) ?? null) : null),
    submit: () => {
      setTouched(new Set(Object.keys(values) as (keyof V)[]));
      return parsed.success ? parsed.data : null;
    },
    reset,
  };
}
