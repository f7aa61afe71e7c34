// Result values for expected failures (architecture.md: failures are values, not exceptions).

/** A success or an expected failure with a stable snake_case code. */
export type Result<T, E extends { code: string } = { code: string; detail?: string }> =
  { ok: true; value: T } | { ok: false; error: E };

/** Wraps a success. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** Wraps an expected failure. */
export function err<E extends { code: string }>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
