// Sign-in sessions over the store: a random cookie token, only its digest stored, absolute and idle expiry.

import type { Context } from 'hono';
import type { Actor, User } from '../../core/model/index.js';
import type { StoreResult } from '../../store/index.js';
import type { AppDeps } from '../deps.js';
import type { AppEnv } from '../http/env.js';
import type { Principal } from './principal.js';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './session-cookie.js';
import { csrfTokenFor, newToken, tokenDigest } from './tokens.js';

/** Activity is recorded at most once a minute per session (touch is a write). */
const TOUCH_EVERY_MS = 60_000;

/** Starts a session for `user`: stores the token's digest and sets the cookie; returns the CSRF token. */
export async function startSession(
  deps: AppDeps,
  c: Context,
  user: User,
  actor: Actor,
): Promise<StoreResult<{ csrfToken: string; expiresAt: string }>> {
  const token = newToken(deps.random);
  const csrfToken = csrfTokenFor(token);
  const expires = new Date(Date.parse(deps.clock.now()) + deps.config.sessionMinutes * 60_000);
  const created = await deps.store.sessions.create(actor, {
    userId: user.id,
    tokenDigest: tokenDigest(token),
    csrfToken,
    expiresAt: expires.toISOString(),
  });
  if (!created.ok) return created;
  setSessionCookie(c, token, expires, deps.config.secureCookies);
  return { ok: true, value: { csrfToken, expiresAt: created.value.expiresAt } };
}

/** The principal of the request's session cookie; null when absent, unknown, expired or disabled. */
export function principalLoader(deps: AppDeps) {
  return async (c: Context<AppEnv>): Promise<Principal | null> => {
    const token = readSessionCookie(c);
    if (token === null) return null;
    const signedIn = await deps.store.sessions.findByDigest(tokenDigest(token));
    const now = deps.clock.now();
    // Absolute expiry, and idle expiry (issue 8 §5): a device left signed in on a table ends its session.
    if (
      signedIn === null ||
      Date.parse(signedIn.session.expiresAt) <= Date.parse(now) ||
      Date.parse(now) - Date.parse(signedIn.session.lastSeenAt) >
        deps.config.sessionIdleMinutes * 60_000
    ) {
      clearSessionCookie(c, deps.config.secureCookies);
      c.set('sessionEnded', true);
      return null;
    }
    const { session, user } = signedIn;
    if (user.disabled) {
      c.set('sessionEnded', true);
      return null;
    }
    if (Date.parse(now) - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) {
      await deps.store.sessions.touch(session.id, now);
    }
    const grants = signedIn.grants.map(({ id: _id, userId: _userId, ...grant }) => grant);
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      grants,
      csrfToken: session.csrfToken,
      sessionId: session.id,
    };
  };
}
