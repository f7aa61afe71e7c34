// Sign-in behind one Wi-Fi router (issue 8 §5): the per-address limit counts failures only, so a room of
// voters signs in from one address, while guessing from that address is still held back (injected clock).

import { afterEach, describe, expect, it } from 'vitest';
import { Client, createUser, openTestApp, type TestApp } from './harness.js';

const PASSWORD = 'mật khẩu của đại biểu';
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const login = (app: TestApp, ip: string, username: string, password: string) =>
  new Client(app).request(
    'POST',
    '/api/auth/login',
    { username, password },
    { 'x-forwarded-for': ip },
  );

describe('sign-in rate limit per address', () => {
  it('lets more voters than the address limit sign in from one address; failures still hit it', async () => {
    // 2 per account, so 10 for the whole address in the window.
    t = await openTestApp('sqlite', { TINNHIEM_LOGIN_ATTEMPTS: '2', TINNHIEM_TRUST_PROXY: '1' });
    const room = '192.168.1.1';
    for (let v = 0; v < 15; v++) await createUser(t.store, `daibieu-${v}`, [], PASSWORD);
    const signedIn: number[] = [];
    for (let v = 0; v < 15; v++)
      signedIn.push((await login(t, room, `daibieu-${v}`, PASSWORD)).status);
    expect(signedIn).toEqual(Array<number>(15).fill(200));
    // Ten wrong passwords over ten accounts (never twice the same): then the address waits, even
    // for a right password, while another address is not held back.
    const guesses: number[] = [];
    for (let v = 0; v < 11; v++)
      guesses.push((await login(t, room, `daibieu-${v}`, `đoán ${v}`)).status);
    expect(guesses).toEqual([...Array<number>(10).fill(401), 429]);
    const right = await login(t, room, 'daibieu-14', PASSWORD);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBe(900);
    expect((await login(t, '192.168.1.2', 'daibieu-14', PASSWORD)).status).toBe(200);
    // The window (TINNHIEM_RATE_WINDOW_SECONDS, 900 s) ends.
    t.clock.set('2023-09-01T02:15:00.000Z');
    expect((await login(t, room, 'daibieu-14', PASSWORD)).status).toBe(200);
  });
});
