// CSRF protection for every state-changing API request: same-origin check plus the X-CSRF-Token header.

import type { MiddlewareHandler } from 'hono';
import { safeEqual } from '../auth/tokens.js';
import { errorResponse, fail } from '../errors.js';
import { isPublicElectionPath } from './booth-paths.js';
import type { AppEnv } from './env.js';

/** The header the web app sends on every non-GET request. */
export const CSRF_HEADER = 'X-CSRF-Token';
/** The CSRF value for requests without a session (login, setup): any cross-site form cannot set a header. */
export const ANONYMOUS_CSRF = 'anonymous';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Rejects non-GET requests that come from another site: the Origin header (or Sec-Fetch-Site) must say
 * same origin, and X-CSRF-Token must equal the session's token (or `anonymous` without a session). A
 * custom header cannot be sent cross-site without a CORS preflight, which this server never grants.
 * Must run after the session middleware.
 */
export function csrfProtection(options: { publicUrl: string | null }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin !== undefined) {
      const own = new URL(c.req.url).origin;
      const host = c.req.header('host');
      const allowed = new Set([
        own,
        options.publicUrl,
        host && `http://${host}`,
        host && `https://${host}`,
      ]);
      if (!allowed.has(origin)) {
        return errorResponse(c, fail('origin_rejected', 'The request comes from another site.'));
      }
    } else {
      const site = c.req.header('sec-fetch-site');
      if (site !== undefined && site !== 'same-origin' && site !== 'none') {
        return errorResponse(c, fail('origin_rejected', 'The request comes from another site.'));
      }
    }
    const token = c.req.header(CSRF_HEADER) ?? '';
    // The booth reads no session (booth-paths.ts): a signed-in page sends its session's token, a fresh
    // one `anonymous`; either way the custom header shows the request comes from a page of this site.
    if (isPublicElectionPath(c.req.path)) {
      return token === ''
        ? errorResponse(
            c,
            fail('csrf_failed', `The ${CSRF_HEADER} header is missing or wrong; reload the page.`),
          )
        : next();
    }
    const principal = c.get('principal');
    // A page that still holds a session's token after the session ended: say so (nothing is changed).
    if (principal === null && token !== '' && token !== ANONYMOUS_CSRF && c.get('sessionEnded')) {
      return errorResponse(c, fail('session_expired', 'Your session has ended; sign in again.'));
    }
    const expected = principal === null ? ANONYMOUS_CSRF : principal.csrfToken;
    if (!safeEqual(token, expected)) {
      return errorResponse(
        c,
        fail('csrf_failed', `The ${CSRF_HEADER} header is missing or wrong; reload the page.`),
      );
    }
    return next();
  };
}
