// Result: expected failures are values, not exceptions (architecture.md, vxsuite's result.ts).

/** A failure with a stable snake_case code and the context a message needs. */
export interface Failure<C extends string = string> {
  readonly code: C;
  /** The input field the failure is about, when there is one (e.g. "persons[2].low"). */
  readonly field?: string;
  /** One English sentence for the CLI and the API; the UI translates by code. */
  readonly message: string;
}

/** Either a value or a failure. */
export type Result<T, E extends Failure = Failure> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** Wraps a value as a success. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** Wraps a failure. */
export function err<E extends Failure>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}
