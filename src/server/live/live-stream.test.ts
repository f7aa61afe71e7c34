// The stream's behaviour without a database: a burst becomes one event per topic, unwanted topics are
// dropped, heartbeats are written, and ending or leaving unsubscribes.

import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createLiveHub, type LiveTopic, type LiveUpdates } from '../../store/live/live-updates.js';
import { sseReader, topicOf } from '../../../test/server/sse-reader.js';
import { createLiveStreams, LIVE_STREAM_DEFAULTS } from './live-stream.js';

function setup(options = LIVE_STREAM_DEFAULTS) {
  const hub = createLiveHub();
  const live: LiveUpdates = {
    subscribe: (id, l) => hub.subscribe(id, l),
    ready: () => Promise.resolve(),
    subscriptions: () => hub.subscriptions(),
  };
  const streams = createLiveStreams(options);
  const app = new Hono();
  app.get('/live/:topics', (c) =>
    streams.open(c, live, 'c1', c.req.param('topics').split(',') as LiveTopic[]),
  );
  return { hub, live, streams, app };
}

describe('live stream', () => {
  it('sends a burst of 200 changes as one event per topic, and only the topics asked for', async () => {
    const { hub, app } = setup();
    const events = sseReader(await app.request('/live/election,roll-call'));
    expect((await events.next()).event).toBe('ready');
    for (let i = 0; i < 200; i++) hub.emit({ conferenceId: 'c1', topic: 'election' });
    hub.emit({ conferenceId: 'c1', topic: 'counting' });
    hub.emit({ conferenceId: 'c2', topic: 'roll-call' });
    hub.emit({ conferenceId: 'c1', topic: 'roll-call' });
    const first = await events.next();
    const second = await events.next();
    expect([topicOf(first), topicOf(second)]).toEqual(['election', 'roll-call']);
    expect(JSON.parse(first.data)).toEqual({ conferenceId: 'c1', topic: 'election' });
    // A second burst, inside the interval: one more event, not 200.
    for (let i = 0; i < 200; i++) hub.emit({ conferenceId: 'c1', topic: 'election' });
    hub.emit({ conferenceId: 'c1', topic: 'result' });
    const marker = (async () => {
      const e = await events.next();
      return topicOf(e);
    })();
    expect(await marker).toBe('election');
    // Nothing queued behind it: the next event is a change made after this point.
    hub.emit({ conferenceId: 'c1', topic: 'roll-call' });
    expect(topicOf(await events.next())).toBe('roll-call');
    await events.cancel();
  });

  it('writes heartbeats while nothing changes', async () => {
    const { hub, app } = setup({ ...LIVE_STREAM_DEFAULTS, heartbeatMs: 5 });
    const events = sseReader(await app.request('/live/election'));
    await events.next();
    setTimeout(() => hub.emit({ conferenceId: 'c1', topic: 'election' }), 60);
    await events.next();
    expect(events.comments()).toBeGreaterThan(0);
    await events.cancel();
  });

  it('unsubscribes when the client leaves and when the app ends its streams', async () => {
    const { hub, app, streams } = setup();
    const leaving = sseReader(await app.request('/live/election'));
    await leaving.next();
    const staying = sseReader(await app.request('/live/election'));
    await staying.next();
    expect(hub.subscriptions()).toBe(2);
    expect(streams.count()).toBe(2);
    await leaving.cancel();
    await expect.poll(() => hub.subscriptions()).toBe(1);
    streams.endAll();
    await expect(staying.next()).rejects.toThrow('ended');
    expect(hub.subscriptions()).toBe(0);
    expect(streams.count()).toBe(0);
  });

  it('refuses more streams than maxStreams', () => {
    const { streams } = setup({ ...LIVE_STREAM_DEFAULTS, maxStreams: 0 });
    expect(streams.hasRoom()).toBe(false);
  });
});
