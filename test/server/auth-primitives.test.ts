// Password hashing, token digests and the login rate limiter.

import { describe, expect, it } from 'vitest';
import { seededRandom, systemRandom } from '../../src/crypto/random.js';
import { hashPassword, verifyPassword } from '../../src/server/auth/password.js';
import { createRateLimiter } from '../../src/server/auth/rate-limiter.js';
import { csrfTokenFor, newToken, safeEqual, tokenDigest } from '../../src/server/auth/tokens.js';

describe('scrypt passwords', () => {
  it('verifies the right password, refuses a wrong one, salts per hash', async () => {
    const a = await hashPassword('mật khẩu đủ dài', systemRandom);
    const b = await hashPassword('mật khẩu đủ dài', systemRandom);
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(await verifyPassword('mật khẩu đủ dài', a)).toBe(true);
    expect(await verifyPassword('mật khẩu đủ dàI', a)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });

  it('treats NFD and NFC spellings of a Vietnamese password as the same password', async () => {
    const h = await hashPassword('Hà Nội 2026!'.normalize('NFC'), seededRandom('t'));
    expect(await verifyPassword('Hà Nội 2026!'.normalize('NFD'), h)).toBe(true);
  });
});

describe('tokens', () => {
  it('are 256-bit, digested one-way, and the CSRF token differs from the session token', () => {
    const t = newToken(systemRandom);
    expect(Buffer.from(t, 'base64url')).toHaveLength(32);
    expect(tokenDigest(t)).not.toContain(t);
    expect(csrfTokenFor(t)).not.toBe(t);
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});

describe('rate limiter', () => {
  it('allows the limit, then says how long to wait, then opens a new window', () => {
    const limiter = createRateLimiter(3, 60);
    expect([0, 1, 2].map((s) => limiter.hit('ip|user', s * 1000))).toEqual([0, 0, 0]);
    expect(limiter.hit('ip|user', 10_000)).toBe(50);
    expect(limiter.hit('other', 10_000)).toBe(0);
    expect(limiter.hit('ip|user', 60_000)).toBe(0);
    limiter.reset('ip|user');
    expect(limiter.hit('ip|user', 60_500)).toBe(0);
  });
});
