// Access (issue 8 §5): no API route outside the route table (so none escapes the role × route matrix),
// sessions end when idle and at their absolute expiry (injected clock), password guessing is rate-limited,
// security headers on every kind of response, no inline script in the built page, no secret with a default.

import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/server/config.js';
import { CONTENT_SECURITY_POLICY } from '../../src/server/http/security-headers.js';
import { packageRoot } from '../../src/server/http/static-files.js';
import { Client, createUser, openTestApp, type TestApp } from './harness.js';

const ROOT = packageRoot();
const PASSWORD = 'mật khẩu đúng 12345';
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function signIn(app: TestApp, username: string): Promise<Client> {
  const c = new Client(app);
  const r = await c.json<{ csrfToken: string }>('POST', '/api/auth/login', {
    username,
    password: PASSWORD,
  });
  c.csrf = r.csrfToken;
  return c;
}

describe('every API route is in the route table', () => {
  it('Hono has no /api handler besides the table, the OpenAPI document and the 404 fallbacks', async () => {
    t = await openTestApp();
    const table = new Set(t.routes.map((r) => `${r.method.toUpperCase()} ${r.honoPath}`));
    const extra = t.app.routes
      .filter((r) => r.path.startsWith('/api') && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path}`)
      .filter((key) => !table.has(key) && key !== 'GET /api/openapi.json');
    expect(extra).toEqual([]);
    // Every route declares who may call it: a non-empty role list or explicitly public.
    for (const r of t.routes) {
      expect(r.policy.roles === 'public' || r.policy.roles.length > 0).toBe(true);
      if (r.policy.roles !== 'public') expect(r.policy.roles).toContain('administrator');
    }
  });
});

describe('sessions expire', () => {
  it('ends a session idle longer than TINNHIEM_SESSION_IDLE_MINUTES; activity keeps it alive', async () => {
    t = await openTestApp('sqlite', { TINNHIEM_SESSION_IDLE_MINUTES: '30' });
    await createUser(t.store, 'bantochuc', [{ role: 'administrator' }], PASSWORD);
    const c = await signIn(t, 'bantochuc');
    // Active every 20 minutes for 3 hours: still signed in.
    for (let m = 20; m <= 180; m += 20) {
      t.clock.set(new Date(Date.parse('2023-09-01T02:00:00.000Z') + m * 60_000).toISOString());
      expect((await c.request('GET', '/api/users')).status).toBe(200);
    }
    // Then 31 minutes away from the device: the session has ended, and a write says so.
    t.clock.set('2023-09-01T05:31:00.000Z');
    const write = await c.request('POST', '/api/users', {
      username: 'moi',
      displayName: 'Mới',
      password: 'mật khẩu mới 123456',
      grants: [],
    });
    expect(write.status).toBe(401);
    expect(await write.json()).toMatchObject({ error: { code: 'session_expired' } });
    expect((await c.request('GET', '/api/users')).status).toBe(401);
    expect(await t.store.users.getByUsername('moi')).toBeNull();
  });

  it('ends a session at its absolute expiry even when it is used all the time', async () => {
    t = await openTestApp('sqlite', {
      TINNHIEM_SESSION_MINUTES: '60',
      TINNHIEM_SESSION_IDLE_MINUTES: '30',
    });
    await createUser(t.store, 'giamsat', [{ role: 'administrator' }], PASSWORD);
    const c = await signIn(t, 'giamsat');
    for (let m = 10; m < 60; m += 10) {
      t.clock.set(new Date(Date.parse('2023-09-01T02:00:00.000Z') + m * 60_000).toISOString());
      expect((await c.request('GET', '/api/users')).status).toBe(200);
    }
    t.clock.set('2023-09-01T03:00:00.000Z');
    const late = await c.request('GET', '/api/users');
    expect(late.status).toBe(401);
    expect(late.headers.get('set-cookie')).toMatch(/tinnhiem_session=;/);
  });

  it('has documented defaults: 12 h absolute, 2 h idle', () => {
    const r = parseConfig({}, '/');
    if (!r.ok) throw new Error(r.error.message);
    expect([r.value.sessionMinutes, r.value.sessionIdleMinutes]).toEqual([720, 120]);
    expect(parseConfig({ TINNHIEM_SESSION_IDLE_MINUTES: '0' }, '/').ok).toBe(false);
  });
});

describe('rate limits', () => {
  it('limits guesses of the current password through a signed-in session, as sign-in is limited', async () => {
    t = await openTestApp('sqlite', { TINNHIEM_LOGIN_ATTEMPTS: '3' });
    await createUser(t.store, 'thanhvien', [{ role: 'administrator' }], PASSWORD);
    const c = await signIn(t, 'thanhvien');
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await c.request('POST', '/api/auth/password', {
        currentPassword: `đoán ${i}`,
        newPassword: 'mật khẩu mới 123456',
      });
      codes.push(r.status);
    }
    expect(codes).toEqual([401, 401, 401, 429]);
    // Even the right password waits until the window ends.
    const right = await c.request('POST', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'mật khẩu mới 123456',
    });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('security headers', () => {
  it('are on static files, the page fallback, 404, 405, 413, CSRF refusals and internal errors', async () => {
    const web = mkdtempSync(join(tmpdir(), 'tn-web-'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Tín nhiệm</title>');
    writeFileSync(join(web, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await openTestApp('sqlite', { TINNHIEM_MAX_JSON_BYTES: '1024' }, web);
    const anon = new Client(t);
    const responses = [
      await t.app.request('/favicon.svg'),
      await t.app.request('/hoi-nghi/1'),
      await t.app.request('/assets/khong-co.js'),
      await t.app.request('/', { method: 'PUT' }),
      await t.app.request('/', { method: 'HEAD' }),
      await t.app.request('/api/khong-co'),
      await anon.request('POST', '/api/auth/login', { username: 'x', password: 'y'.repeat(2000) }),
      await anon.request('POST', '/api/auth/logout', undefined, { 'x-csrf-token': 'sai' }),
    ];
    const broken = await openTestApp();
    await broken.store.close();
    responses.push(await broken.app.request('/api/health'));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 404, 405, 200, 404, 413, 403, 500]);
    for (const r of responses) {
      expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*|http:|https:/);
  });

  it('the built page has no inline script, style or event handler, and loads nothing from elsewhere', () => {
    const index = join(ROOT, 'web', 'dist', 'index.html');
    // web/dist is made by `npm run build` (npm ci runs it through `prepare`).
    expect(existsSync(index)).toBe(true);
    const html = readFileSync(index, 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\/[^"]+"/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=|javascript:/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
  });
});

describe('no secret has a default', () => {
  it('the configuration holds no secret, and no source file holds a password or token literal', () => {
    const r = parseConfig({}, '/');
    if (!r.ok) throw new Error(r.error.message);
    expect(Object.keys(r.value).filter((k) => /secret|key|password|token|salt/i.test(k))).toEqual(
      [],
    );
    // Environment variables that would be secrets elsewhere are not read at all.
    const ignored = parseConfig({ TINNHIEM_ADMIN_PASSWORD: 'admin', SECRET_KEY: 'x' }, '/');
    expect(ignored.ok && JSON.stringify(ignored.value)).not.toMatch(/admin|"x"/);
    // A credential given a literal value: `password: '…'`, `secret = "…"`, `adminPassword: '…'`, `token = '…'`.
    const literal =
      /\b(password|passwd|secret|apiKey|api_key|adminPassword|defaultPassword|sessionSecret|token)\s*[:=]\s*['"`][^'"`\s]{4,}/i;
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx|js)$/.test(name) && !/\.test\.tsx?$/.test(name)) {
          readFileSync(path, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              if (literal.test(line) && !/^\s*(\/\/|\*)/.test(line))
                offenders.push(`${path.slice(ROOT.length + 1)}:${i + 1}: ${line.trim()}`);
            });
        }
      }
    };
    for (const dir of ['src', 'bin']) walk(join(ROOT, dir));
    expect(offenders).toEqual([]);
  });
});
