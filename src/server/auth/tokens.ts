// Bearer secrets (session, setup, one-time codes): random, stored only as a SHA-256 digest, compared in constant time.

import { createHash, timingSafeEqual } from 'node:crypto';
import type { RandomSource } from '../../crypto/random.js';

/** A new random token: 32 bytes (256 bits) as base64url. */
export function newToken(random: RandomSource): string {
  return Buffer.from(random(32)).toString('base64url');
}

/** The digest stored in place of a token, so that a copy of the database gives no working token. */
export function tokenDigest(token: string): string {
  return createHash('sha256').update('tinnhiem/token\0').update(token).digest('base64url');
}

/**
 * The CSRF token of a session: a one-way function of the session token, so it needs no storage and
 * reveals nothing about the cookie (the cookie is HttpOnly; the CSRF token is given to the page).
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update('tinnhiem/csrf\0').update(sessionToken).digest('base64url');
}

/** Constant-time equality of two strings (false when the lengths differ). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
