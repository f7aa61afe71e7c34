// The live-update routes over HTTP on SQLite and PostgreSQL: who may open them, what they say after a
// write (roll call, election), that progress then shows the new figures, and that a client leaving ends
// its subscription.

import { SYSTEM_ACTOR } from '../../src/store/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectronicWorld, type ElectronicWorld } from './electronic-world.js';
import { Client, openTestApp, sessionClient, type TestApp } from './harness.js';
import { sseReader, topicOf } from './sse-reader.js';

const SSE = { accept: 'text/event-stream' };

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`live routes on ${kind}`, () => {
    let t: TestApp;
    let w: ElectronicWorld;
    let org: Client;
    let anon: Client;
    let publicLive: string;
    let dayLive: string;

    beforeAll(async () => {
      t = await openTestApp(kind);
      w = await buildElectronicWorld(t.store, 6);
      org = await sessionClient(t, w.organiser);
      anon = new Client(t);
      publicLive = `/api/public/conferences/${w.conferenceId}/live`;
      dayLive = `/api/conferences/${w.conferenceId}/live`;
    }, 60_000);
    afterAll(async () => t?.close());

    it('answers 406 without Accept: text/event-stream, 404 for a conference without an electronic vote', async () => {
      const plain = await anon.request('GET', publicLive);
      expect(plain.status).toBe(406);
      expect(((await plain.json()) as { error: { code: string } }).error.code).toBe(
        'not_acceptable',
      );
      const none = await anon.request('GET', publicLive, undefined, SSE);
      expect(none.status).toBe(404);
      await none.text();
      const denied = await anon.request('GET', dayLive, undefined, SSE);
      expect(denied.status).toBe(401);
      await denied.text();
    });

    it('the day stream tells roll-call and election changes; the reads after it see them', async () => {
      const res = await org.request('GET', dayLive, undefined, SSE);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      const events = sseReader(res);
      const ready = await events.next();
      expect(ready.event).toBe('ready');
      expect(JSON.parse(ready.data)).toEqual({
        conferenceId: w.conferenceId,
        topics: ['roll-call', 'counting', 'election', 'result', 'conference'],
      });
      const participant = w.participants[0]!.id;
      await org.json('PUT', `/api/conferences/${w.conferenceId}/roll-call/${participant}`, {
        attendance: 'present',
      });
      const roll = await events.until((e) => topicOf(e) === 'roll-call');
      expect(JSON.parse(roll.event.data)).toEqual({
        conferenceId: w.conferenceId,
        topic: 'roll-call',
      });
      await org.json('POST', `/api/conferences/${w.conferenceId}/election`, {}, 201);
      await events.until((e) => topicOf(e) === 'election');
      await events.cancel();
    });

    it('the public stream of an electronic vote: roll-call and election only; progress follows', async () => {
      const before = t.store.live.subscriptions();
      const res = await anon.request('GET', publicLive, undefined, SSE);
      expect(res.status).toBe(200);
      const events = sseReader(res);
      const ready = await events.next();
      expect(JSON.parse(ready.data)).toEqual({
        conferenceId: w.conferenceId,
        topics: ['roll-call', 'election'],
      });
      expect(t.store.live.subscriptions()).toBe(before + 1);
      // A counting write is not told to the public; the roll-call change after it is.
      const counted = await t.store.counting.setAccounting(SYSTEM_ACTOR, {
        conferenceId: w.conferenceId,
        sheetId: 'all',
        issued: 6,
        collected: 0,
        spoiledExchanged: 0,
      });
      expect(counted.ok).toBe(true);
      for (const p of w.participants.slice(1, 4))
        await org.json('PUT', `/api/conferences/${w.conferenceId}/roll-call/${p.id}`, {
          attendance: 'present',
        });
      const { event, skipped } = await events.until((e) => topicOf(e) === 'roll-call');
      expect([...skipped, event].map(topicOf).filter((x) => x !== 'roll-call')).toEqual([]);
      // The stream never carries more than ids and a topic.
      expect(Object.keys(JSON.parse(event.data) as object).sort()).toEqual([
        'conferenceId',
        'topic',
      ]);
      const progress = await anon.json<{ present: number }>(
        'GET',
        `/api/public/conferences/${w.conferenceId}/election/progress`,
      );
      expect(progress.present).toBeGreaterThanOrEqual(1);
      await events.cancel();
      // The client left: its subscription ends.
      await expect.poll(() => t.store.live.subscriptions()).toBe(before);
    });
  });
}
