// The administrator's "load demo data" action on the real store: counts, once only, and Móng Cái's 142 comments.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, openTestApp, sessionClient, type TestApp } from './harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t?.close());

describe('POST /api/demo', () => {
  it('loads the five seeds once, for the administrator only', async () => {
    const admin = await sessionClient(
      t,
      await createUser(t.store, 'quantri', [{ role: 'administrator' }]),
    );
    const organiser = await sessionClient(t, await createUser(t.store, 'tochuc', []));
    expect((await organiser.request('POST', '/api/demo')).status).toBe(403);
    expect(await admin.json('GET', '/api/demo')).toEqual({ loaded: false });
    const summary = await admin.json<{ conferences: number; questions: number; excluded: number }>(
      'POST',
      '/api/demo',
      undefined,
      201,
    );
    expect(summary.conferences).toBeGreaterThanOrEqual(5);
    expect(summary.questions).toBeGreaterThanOrEqual(142);
    expect(await admin.json('GET', '/api/demo')).toEqual({ loaded: true });
    const again = await admin.request('POST', '/api/demo');
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'demo_already_loaded' } });

    const conferences = await admin.json<{ id: string; title: string }[]>(
      'GET',
      '/api/conferences',
    );
    const mongCai = conferences.find((c) => c.title.includes('Móng Cái'));
    expect(mongCai).toBeDefined();
    const counts = await admin.json<{ summary: { vi: string } }>(
      'GET',
      `/api/conferences/${mongCai!.id}/questions/counts`,
    );
    expect(counts.summary.vi).toBe('142 ý kiến, 0 yêu cầu giải trình');
    const participants = await admin.json<unknown[]>(
      'GET',
      `/api/conferences/${mongCai!.id}/participants`,
    );
    expect(participants).toHaveLength(183);
  }, 60_000);
});
