// The session cookie: HttpOnly, SameSite=Strict, Path=/, Secure behind https, with an expiry.

import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/** The cookie's name. */
export const SESSION_COOKIE = 'tinnhiem_session';

/** Sets the session cookie to expire with the session. */
export function setSessionCookie(
  c: Context,
  token: string,
  expiresAt: Date,
  secure: boolean,
): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure,
    expires: expiresAt,
  });
}

/** Removes the session cookie (logout, expired or unknown session). */
export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure, httpOnly: true, sameSite: 'Strict' });
}

/** The session token the request carries, if any (base64url of 32 bytes). */
export function readSessionCookie(c: Context): string | null {
  const value = getCookie(c, SESSION_COOKIE);
  return value !== undefined && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}
