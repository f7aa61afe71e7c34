// The booth's submissions are rate-limited per client address and conference (issue 8 §5), with the
// injected clock: the limit holds before the body is read, resets with the window, counts casts and
// audits together, is per conference and per address, and is generous for a room behind one router.

import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/server/config.js';
import { ADDRESS_SCALE } from '../../src/server/routes/booth-rate-limit.js';
import { Client, openTestApp, type TestApp } from './harness.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Conference ids that do not exist: the handler answers 404 (or 400), the limiter 429. */
const conference = (k: number) => `00000000-0000-4000-8000-${String(k).padStart(12, '0')}`;
const path = (k: number, kind: 'ballots' | 'audits' = 'ballots') =>
  `/api/public/conferences/${conference(k)}/election/${kind}`;

async function submit(c: Client, ip: string, k: number, kind: 'ballots' | 'audits' = 'ballots') {
  const res = await c.request('POST', path(k, kind), { ballot: {} }, { 'x-forwarded-for': ip });
  return res;
}

describe('rate limit of ballot submissions', () => {
  it('allows TINNHIEM_BALLOTS_PER_MINUTE casts and audits per address and conference, then 429 until the minute ends', async () => {
    t = await openTestApp('sqlite', {
      TINNHIEM_BALLOTS_PER_MINUTE: '5',
      TINNHIEM_TRUST_PROXY: '1',
    });
    const c = new Client(t);
    const statuses: number[] = [];
    for (const kind of ['ballots', 'ballots', 'audits', 'ballots', 'audits'] as const)
      statuses.push((await submit(c, '10.0.0.1', 1, kind)).status);
    expect(statuses.every((s) => s !== 429)).toBe(true);
    const over = await submit(c, '10.0.0.1', 1, 'audits');
    expect(over.status).toBe(429);
    expect(await over.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(over.headers.get('retry-after'))).toBe(60);
    // Checked before the body is read: even invalid JSON gets the 429.
    const garbage = await c.request('POST', path(1), undefined, {
      'x-forwarded-for': '10.0.0.1',
      'content-type': 'application/json',
    });
    expect(garbage.status).toBe(429);
    // Another conference from the same address, and another address, have their own budget.
    expect((await submit(c, '10.0.0.1', 2)).status).not.toBe(429);
    expect((await submit(c, '10.0.0.2', 1)).status).not.toBe(429);
    // Reading the booth and the board is not limited.
    for (let i = 0; i < 10; i++)
      for (const read of ['booth', 'board'])
        expect(
          (
            await c.request(
              'GET',
              `/api/public/conferences/${conference(1)}/election/${read}`,
              undefined,
              {
                'x-forwarded-for': '10.0.0.1',
              },
            )
          ).status,
        ).not.toBe(429);
    // 40 s later the window is still running; 60 s after its first request it has ended.
    t.clock.set('2023-09-01T02:00:40.000Z');
    expect((await submit(c, '10.0.0.1', 1)).status).toBe(429);
    expect(Number((await submit(c, '10.0.0.1', 1)).headers.get('retry-after'))).toBe(20);
    t.clock.set('2023-09-01T02:01:00.000Z');
    expect((await submit(c, '10.0.0.1', 1)).status).not.toBe(429);
    // No log line for any of it (the booth is not logged, booth-paths.ts).
    expect(t.logs.filter((l) => l.includes('/election/'))).toEqual([]);
  });

  it('holds one address to ADDRESS_SCALE conferences’ worth, however many conference ids it invents', async () => {
    t = await openTestApp('sqlite', {
      TINNHIEM_BALLOTS_PER_MINUTE: '2',
      TINNHIEM_TRUST_PROXY: '1',
    });
    const c = new Client(t);
    const budget = 2 * ADDRESS_SCALE;
    const statuses: number[] = [];
    for (let i = 0; i < budget; i++) statuses.push((await submit(c, '10.0.0.9', 100 + i)).status);
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    expect((await submit(c, '10.0.0.9', 999)).status).toBe(429);
    expect((await submit(c, '10.0.0.10', 999)).status).not.toBe(429);
  });

  it('by default lets a room of 500 behind one router submit within the same minute', async () => {
    t = await openTestApp('sqlite', { TINNHIEM_TRUST_PROXY: '1' });
    const c = new Client(t);
    const statuses = new Map<number, number>();
    for (let v = 0; v < 500; v++) {
      const s = (await submit(c, '192.168.1.1', 7)).status;
      statuses.set(s, (statuses.get(s) ?? 0) + 1);
    }
    expect(statuses.get(429)).toBeUndefined();
    const r = parseConfig({}, '/');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.ballotsPerMinute).toBe(1000);
    expect(parseConfig({ TINNHIEM_BALLOTS_PER_MINUTE: '0' }, '/').ok).toBe(false);
  });
});
