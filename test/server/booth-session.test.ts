// The booth reads no session (booth-paths.ts): a signed-in voter's scan, cast or look at the board leaves
// their session's last_seen_at as it was, a session that ended meanwhile does not stop a cast, and the
// booth still refuses requests from other sites and requests without the CSRF header.

import { afterEach, describe, expect, it } from 'vitest';
import { tokenDigest } from '../../src/server/auth/tokens.js';
import { Client, createUser, openTestApp, type TestApp } from './harness.js';

const PASSWORD = 'mật khẩu người ghi phiếu';
const P = '/api/public/conferences/00000000-0000-4000-8000-000000000001/election';
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function signedInVoter(app: TestApp): Promise<Client> {
  await createUser(app.store, 'ghiphieu-1', [], PASSWORD);
  const c = new Client(app);
  const r = await c.json<{ csrfToken: string }>('POST', '/api/auth/login', {
    username: 'ghiphieu-1',
    password: PASSWORD,
  });
  c.csrf = r.csrfToken;
  return c;
}

const lastSeen = async (app: TestApp, c: Client) =>
  (await app.store.sessions.findByDigest(tokenDigest(c.cookie!.split('=')[1]!)))?.session
    .lastSeenAt;

describe('the booth reads no session', () => {
  it('leaves last_seen_at untouched while the rest of the API records activity', async () => {
    t = await openTestApp('sqlite');
    const c = await signedInVoter(t);
    const before = await lastSeen(t, c);
    t.clock.set('2023-09-01T02:30:00.000Z');
    for (const [method, p] of [
      ['GET', `${P}/booth`],
      ['POST', `${P}/ballots`],
      ['POST', `${P}/audits`],
      ['GET', `${P}/board`],
      ['GET', P],
    ] as const) {
      const res = await c.request(method, p, method === 'POST' ? { ballot: {} } : undefined);
      expect(res.status, p).not.toBe(401);
      expect(res.headers.get('set-cookie'), p).toBeNull();
    }
    expect(await lastSeen(t, c)).toBe(before);
    // Any other request of the session records it (idle expiry needs it).
    await c.json('GET', '/api/auth/session');
    expect(await lastSeen(t, c)).toBe('2023-09-01T02:30:00.000Z');
  });

  it('casts with the token of a session that has ended; refuses no header and other sites', async () => {
    t = await openTestApp('sqlite', { TINNHIEM_SESSION_IDLE_MINUTES: '30' });
    const c = await signedInVoter(t);
    t.clock.set('2023-09-01T05:00:00.000Z');
    const cast = await c.request('POST', `${P}/ballots`, { ballot: {} });
    expect(cast.status).toBe(400);
    expect(await cast.json()).toMatchObject({ error: { code: 'validation_failed' } });
    const noHeader = await c.request(
      'POST',
      `${P}/ballots`,
      { ballot: {} },
      { 'x-csrf-token': '' },
    );
    expect(await noHeader.json()).toMatchObject({ error: { code: 'csrf_failed' } });
    const elsewhere = await c.request(
      'POST',
      `${P}/ballots`,
      { ballot: {} },
      { origin: 'http://ke-gian.example' },
    );
    expect(await elsewhere.json()).toMatchObject({ error: { code: 'origin_rejected' } });
    // Outside the booth the ended session is still reported as ended.
    expect((await c.request('POST', '/api/auth/logout')).status).toBe(401);
  });
});
