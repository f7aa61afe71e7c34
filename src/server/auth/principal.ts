// Who is calling: the signed-in account and its role grants (the store's Grant), with the session's CSRF token.

import type { Grant, Role } from '../../core/model/index.js';

export type { Grant, Role } from '../../core/model/index.js';

/**
 * Every role (core/model/user.ts), in the order the matrix test walks them: administrator, organiser
 * (of a unit and below), counting-committee (one conference, from its start), voter (người ghi phiếu),
 * inspector (read-only), competent-authority (cấp có thẩm quyền), subject (người được lấy phiếu).
 */
export const ROLES = [
  'administrator',
  'organiser',
  'counting-committee',
  'voter',
  'inspector',
  'competent-authority',
  'subject',
] as const satisfies readonly Role[];

/** The signed-in account as the routes see it. */
export interface Principal {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly grants: readonly Grant[];
  /** CSRF token of the session (X-CSRF-Token must carry it on every non-GET request). */
  readonly csrfToken: string;
  /** Id of the session, to end it on logout. */
  readonly sessionId: string;
}
