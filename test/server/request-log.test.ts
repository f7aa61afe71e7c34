// The request log keeps no trace of the booth (casts, audits, its page, the public election API), and logs the rest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUnloggedPath } from '../../src/server/http/booth-paths.js';
import { isBoothSubmission } from '../../src/server/http/request-log.js';
import { Client, openTestApp, type TestApp } from './harness.js';

describe('request log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp('sqlite');
  });
  afterAll(async () => {
    await t.close();
  });

  it('logs an ordinary request with its path and status', async () => {
    await new Client(t).request('GET', '/api/health');
    expect(t.logs.some((l) => / GET \/api\/health \d{3} /.test(l))).toBe(true);
  });

  it('writes no line for a ballot cast or audited, accepted or refused', async () => {
    const before = t.logs.length;
    const anonymous = new Client(t);
    for (const kind of ['ballots', 'audits']) {
      const res = await anonymous.request(
        'POST',
        `/api/public/conferences/00000000-0000-4000-8000-000000000000/election/${kind}`,
        { ballot: {} },
      );
      expect(res.status).toBeGreaterThanOrEqual(400);
    }
    expect(t.logs.slice(before)).toEqual([]);
  });

  it('writes no line for the booth page, the public election API or its live stream', async () => {
    const before = t.logs.length;
    const P = '/api/public/conferences/00000000-0000-4000-8000-000000000000';
    for (const path of [
      '/booth/00000000-0000-4000-8000-000000000000',
      `${P}/election`,
      `${P}/election/booth`,
      `${P}/election/board`,
      `${P}/election/progress`,
      `${P}/live`,
    ])
      await t.app.request(path);
    expect(t.logs.slice(before)).toEqual([]);
    // The public summary of a published result is not the booth: it is logged.
    await t.app.request(`${P}/summary`);
    expect(t.logs.slice(before).length).toBe(1);
    expect(isUnloggedPath('/boothx')).toBe(false);
  });

  it('recognises only the booth submissions', () => {
    const P = '/api/public/conferences/c1/election';
    expect(isBoothSubmission('POST', `${P}/ballots`)).toBe(true);
    expect(isBoothSubmission('POST', `${P}/audits`)).toBe(true);
    expect(isBoothSubmission('GET', `${P}/board`)).toBe(false);
    expect(isBoothSubmission('GET', `${P}/ballots`)).toBe(false);
    expect(isBoothSubmission('POST', '/api/conferences/c1/counting/sheets/all/ballots/1/a')).toBe(
      false,
    );
  });
});
