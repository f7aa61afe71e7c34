// What the API fuzzer found, pinned on both databases: each request used to answer 500.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeRefusal } from '../../../src/server/http/build-app.js';
import { buildWorld, type World } from '../fixture.js';
import { openTestApp, sessionClient, type TestApp } from '../harness.js';

describe('a database refusal the routes did not catch', () => {
  it('answers 409 for a constraint and 422 for a value the database cannot store, not 500', () => {
    expect(storeRefusal({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' })?.code).toBe('conflict');
    expect(storeRefusal({ code: '23503' })?.code).toBe('conflict');
    expect(storeRefusal({ code: '22021' })?.code).toBe('invalid_input');
    expect(storeRefusal({ code: '22003' })?.code).toBe('invalid_input');
    expect(storeRefusal({ code: 'ECONNRESET' })).toBeNull();
    expect(storeRefusal(new Error('x'))).toBeNull();
  });
});

describe.each(['sqlite', 'postgres'] as const)('fuzzer findings on %s', (kind) => {
  let t: TestApp;
  let world: World;
  beforeAll(async () => {
    t = await openTestApp(kind);
    world = await buildWorld(t.store);
  }, 60_000);
  afterAll(async () => t?.close());

  it('a participant linked to a person who does not exist: 404, nothing stored', async () => {
    const admin = await sessionClient(t, world.users.administrator);
    const path = `/api/conferences/${world.ids.conferenceId}/participants`;
    const before = await t.store.audit.count();
    const res = await admin.request('POST', path, {
      fullName: 'Nguyễn Văn A',
      personId: 'khong-co',
    });
    expect(res.status).toBe(404);
    const update = await admin.request('PATCH', `${path}/${world.ids.participantId}`, {
      personId: 'khong-co',
    });
    expect(update.status).toBe(404);
    expect(await t.store.audit.count()).toBe(before);
    expect(t.errors).toEqual([]);
  });

  it('the audit list refuses NUL in entityType and a sequence past 32 bits', async () => {
    const admin = await sessionClient(t, world.users.administrator);
    expect((await admin.request('GET', '/api/audit?entityType=%00')).status).toBe(400);
    expect((await admin.request('GET', '/api/audit?afterSeq=3000000000')).status).toBe(400);
    expect((await admin.request('GET', '/api/audit?afterSeq=5&entityType=unit')).status).toBe(200);
    expect(t.errors).toEqual([]);
  });
});
