// First start and sign-in against the real store: the setup token works once, login, rate limit, logout, expiry.

import { afterEach, describe, expect, it } from 'vitest';
import { issueSetupToken } from '../../src/server/auth/setup-token.js';
import { systemRandom } from '../../src/crypto/random.js';
import { Client, createUser, openTestApp, type TestApp } from './harness.js';

let t: TestApp;
afterEach(async () => t?.close());

const ADMIN = {
  username: 'quantri',
  displayName: 'Quản trị viên',
  password: 'mật khẩu rất dài 2026',
};

describe('first start', () => {
  it('creates the first administrator with the one-time token, once, and signs in', async () => {
    t = await openTestApp();
    const anon = new Client(t);
    expect(await anon.json('GET', '/api/setup')).toEqual({ needed: true });
    const token = await issueSetupToken({ store: t.store, random: systemRandom });
    // A wrong token, then a weak password, change nothing.
    let r = await anon.request('POST', '/api/setup', { ...ADMIN, token: 'x'.repeat(43) });
    expect(r.status).toBe(403);
    expect(await r.json()).toMatchObject({ error: { code: 'setup_token_invalid' } });
    r = await anon.request('POST', '/api/setup', { ...ADMIN, token, password: 'short' });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({
      error: { code: 'validation_failed', field: 'password' },
    });

    const created = await anon.json<{
      user: { username: string; grants: { role: string }[] };
      csrfToken: string;
    }>('POST', '/api/setup', { ...ADMIN, token }, 201);
    expect(created.user.username).toBe('quantri');
    expect(created.user.grants.map((g) => g.role)).toEqual(['administrator']);
    expect(anon.cookie).not.toBeNull();
    anon.csrf = created.csrfToken;
    const session = await anon.json<{ user: { displayName: string } }>('GET', '/api/auth/session');
    expect(session.user.displayName).toBe('Quản trị viên');

    const again = await new Client(t).request('POST', '/api/setup', {
      ...ADMIN,
      username: 'khac',
      token,
    });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'setup_done' } });
    expect(await new Client(t).json('GET', '/api/setup')).toEqual({ needed: false });
    // The audit log has the creation, and no password hash or token in it.
    const audit = JSON.stringify(await t.store.audit.list({ limit: 1000 }));
    expect(audit).toContain('quantri');
    expect(audit).not.toContain(token);
    expect(audit).not.toContain('scrypt$');
  });

  it('a restart’s new token replaces the old one', async () => {
    t = await openTestApp();
    const first = await issueSetupToken({ store: t.store, random: systemRandom });
    await issueSetupToken({ store: t.store, random: systemRandom });
    const r = await new Client(t).request('POST', '/api/setup', { ...ADMIN, token: first });
    expect(r.status).toBe(403);
  });
});

describe('sign-in', () => {
  it('signs in, rejects wrong passwords alike for unknown users, rate-limits, signs out', async () => {
    t = await openTestApp('sqlite', { TINNHIEM_LOGIN_ATTEMPTS: '3' });
    await createUser(t.store, 'tochuc', [{ role: 'administrator' }], 'mật khẩu đúng 12345');
    const c = new Client(t);
    let r = await c.request('POST', '/api/auth/login', { username: 'tochuc', password: 'sai' });
    expect(r.status).toBe(401);
    expect(await r.json()).toEqual({
      error: { code: 'invalid_credentials', message: 'Wrong username or password.' },
    });
    r = await c.request('POST', '/api/auth/login', { username: 'khongco', password: 'sai' });
    expect(await r.json()).toEqual({
      error: { code: 'invalid_credentials', message: 'Wrong username or password.' },
    });

    const ok = await c.json<{ csrfToken: string }>('POST', '/api/auth/login', {
      username: 'TOCHUC',
      password: 'mật khẩu đúng 12345',
    });
    c.csrf = ok.csrfToken;
    expect(c.cookie).toMatch(/^tinnhiem_session=/);
    // Without the CSRF header a signed-in state change is refused.
    r = await c.request('POST', '/api/auth/logout', undefined, { 'x-csrf-token': 'anonymous' });
    expect(r.status).toBe(403);
    expect((await c.json<{ user: unknown }>('GET', '/api/auth/session')).user).not.toBeNull();
    await c.json('POST', '/api/auth/logout');
    expect(c.cookie).toBeNull();

    const attacker = new Client(t);
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push(
        (
          await attacker.request('POST', '/api/auth/login', {
            username: 'tochuc',
            password: `sai ${i}`,
          })
        ).status,
      );
    // The limit is 3 attempts per IP and account; the successful sign-in above reset the count.
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    r = await attacker.request('POST', '/api/auth/login', {
      username: 'tochuc',
      password: 'mật khẩu đúng 12345',
    });
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await r.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('sets an HttpOnly, SameSite=Strict cookie that expires, and refuses an expired session', async () => {
    t = await openTestApp('sqlite', { TINNHIEM_SESSION_MINUTES: '30' });
    await createUser(t.store, 'giamsat', [{ role: 'administrator' }], 'mật khẩu đúng 12345');
    const c = new Client(t);
    const r = await c.request('POST', '/api/auth/login', {
      username: 'giamsat',
      password: 'mật khẩu đúng 12345',
    });
    const cookie = r.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Expires=/);
    expect((await c.request('GET', '/api/users')).status).toBe(200);
    t.clock.set('2023-09-01T02:31:00.000Z');
    const late = await c.request('GET', '/api/users');
    expect(late.status).toBe(401);
    expect(await late.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });
});
