// The one map from stable error code to HTTP status, and the JSON error body every failure uses.

import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { Failure } from '../rules/index.js';

/**
 * Every error code the API answers with, and its HTTP status. The web app translates by code (Vietnamese
 * first); the `message` in the body is English, for logs and API users.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  invalid_json: 400,
  invalid_upload: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  session_expired: 401,
  forbidden: 403,
  csrf_failed: 403,
  origin_rejected: 403,
  setup_token_invalid: 403,
  not_found: 404,
  method_not_allowed: 405,
  not_acceptable: 406,
  conflict: 409,
  already_exists: 409,
  setup_done: 409,
  state_conflict: 409,
  deadline_passed: 409,
  invalid_transition: 409,
  override_reason_required: 422,
  invalid_input: 422,
  quorum_not_met: 422,
  import_failed: 422,
  invalid_import: 422,
  empty_file: 400,
  demo_already_loaded: 409,
  demo_conflict: 409,
  unprocessable: 422,
  payload_too_large: 413,
  file_too_large: 413,
  file_empty: 400,
  unsupported_media_type: 415,
  unsupported_file_type: 415,
  rate_limited: 429,
  internal_error: 500,
  not_implemented: 501,
  store_unavailable: 503,
  store_locked: 503,
  // Conference day (issue 4; /work/notes/conference-day-api.md).
  collected_exceeds_issued: 422,
  invalid_count: 422,
  aggregate_mismatch: 422,
  ballot_number_out_of_range: 422,
  reason_required: 422,
  check_in_code_unknown: 404,
  not_committee_member: 403,
  not_committee_head: 403,
  entry_slot_taken: 409,
  same_member_both_entries: 409,
  entry_version_conflict: 409,
  accounting_missing: 409,
  counting_mode_conflict: 409,
  result_locked: 409,
  result_not_ready: 409,
  result_not_confirmed: 409,
  member_has_entries: 409,
  publication_scope_narrowing: 409,
  // Electronic voting (issue 7; /work/notes/electronic-api.md).
  committee_without_account: 409,
  election_failed: 409,
  trustee_mismatch: 403,
  dkg_message_invalid: 422,
  credentials_invalid: 422,
  credentials_count_mismatch: 422,
  credential_voided: 409,
  credential_used: 409,
  voting_not_open: 409,
  ballot_malformed: 422,
  credential_unknown: 422,
  style_mismatch: 422,
  lines_mismatch: 422,
  encoding_invalid: 422,
  signature_missing: 422,
  signature_invalid: 422,
  proof_invalid: 422,
  opening_invalid: 422,
  partial_invalid: 422,
  ceremony_finished: 409,
  ceremony_restarted: 409,
} as const satisfies Record<string, ContentfulStatusCode>;

/** A stable error code of the API. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** A failure the API returns: a known code, an English message, the field when there is one. */
export type ApiFailure = Failure<ErrorCode>;

/** The JSON body of every error response. */
export const ERROR_BODY_SCHEMA = z
  .object({
    error: z.object({
      code: z
        .string()
        .describe('Stable snake_case code; see ERROR_STATUS in src/server/errors.ts.'),
      message: z
        .string()
        .describe('One English sentence; the web app shows its own words per code.'),
      field: z.string().optional().describe('The request field the error is about.'),
      problems: z
        .array(
          z.object({
            line: z.number().int(),
            column: z.string(),
            code: z.string(),
            message: z.string(),
          }),
        )
        .optional()
        .describe('Imports: every bad row and column (at most 200), Vietnamese first.'),
    }),
  })
  .meta({ id: 'Error' });

/** The JSON body of an error response. */
export type ErrorBody = z.infer<typeof ERROR_BODY_SCHEMA>;

/** Whether a string is one of the API's error codes. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_STATUS, code);
}

/**
 * Turns any failure (from the rules, the core or the store) into an API failure. A code the API does
 * not list keeps its name and answers 422: it is a rule the request broke, never a server fault.
 */
export function toApiFailure(failure: Failure): { status: ContentfulStatusCode; body: ErrorBody } {
  const status = isErrorCode(failure.code) ? ERROR_STATUS[failure.code] : 422;
  const error: ErrorBody['error'] = { code: failure.code, message: failure.message };
  if (failure.field !== undefined) error.field = failure.field;
  // Import failures carry their row problems (core/import/table.ts); nothing else is passed through.
  const problems = (failure as { problems?: unknown }).problems;
  if (Array.isArray(problems))
    error.problems = problems as NonNullable<ErrorBody['error']['problems']>;
  return { status, body: { error } };
}

/** Answers with the error body and the status of its code. */
export function errorResponse(c: Context, failure: Failure, headers?: Record<string, string>) {
  const { status, body } = toApiFailure(failure);
  return c.json(body, status, headers);
}

/** Builds an API failure (a value, not an exception). */
export function fail(code: ErrorCode, message: string, field?: string): ApiFailure {
  return field === undefined ? { code, message } : { code, message, field };
}
