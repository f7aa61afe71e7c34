// Requests take turns on the event loop (ADR 0006): one request starts per loop turn, in arrival order,
// so that a busy server still accepts new connections (libuv accepts one per turn) instead of leaving
// a phone's first request in the kernel's queue for seconds.

import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { requestTurns } from '../../src/server/http/request-turns.js';

/** A CPU-bound handler, like one running its queries on the synchronous SQLite store. */
function busyFor(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

/** Counts event-loop turns: one immediate per turn, re-queued from the check phase. */
function turnCounter(): { now: () => number; stop: () => void } {
  let turn = 0;
  let running = true;
  const tick = () => {
    turn++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return { now: () => turn, stop: () => (running = false) };
}

function get(port: number, agent: Agent): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end();
  });
}

let server: ServerType | null = null;
afterEach(() => {
  server?.close();
  server = null;
});

describe('request turns', () => {
  it('starts requests that arrive together in separate turns, first come first started', async () => {
    const app = new Hono();
    app.use('*', requestTurns());
    const turns = turnCounter();
    const started: { n: number; turn: number }[] = [];
    app.get('/:n', (c) => {
      started.push({ n: Number(c.req.param('n')), turn: turns.now() });
      return c.text('ok');
    });
    await Promise.all([1, 2, 3, 4, 5].map(async (n) => app.request(`/${n}`)));
    turns.stop();
    expect(started.map((s) => s.n)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(started.map((s) => s.turn)).size).toBe(5);
  });

  it('lets a started request wait on a later one', async () => {
    const app = new Hono();
    app.use('*', requestTurns());
    let release!: () => void;
    const second = new Promise<void>((resolve) => (release = resolve));
    app.get('/first', async (c) => {
      await second;
      return c.text('first');
    });
    app.get('/second', (c) => {
      release();
      return c.text('second');
    });
    const answers = await Promise.all(['/first', '/second'].map(async (p) => app.request(p)));
    expect(await Promise.all(answers.map((r) => r.text()))).toEqual(['first', 'second']);
  });

  it('accepts new connections while busy keep-alive clients keep it saturated', async () => {
    const app = new Hono();
    app.use('*', requestTurns());
    let answered = 0;
    app.get('/', (c) => {
      busyFor(2);
      answered++;
      return c.text(String(answered));
    });
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
        resolve(info.port),
      );
    });
    const BUSY_CLIENTS = 40;
    const ROUNDS = 25;
    const busy = Array.from({ length: BUSY_CLIENTS }, async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      for (let r = 0; r < ROUNDS; r++) await get(port, agent);
      agent.destroy();
    });
    // Once the busy clients fill every turn, 30 phones connect at once.
    while (answered < 2 * BUSY_CLIENTS) await new Promise((r) => setTimeout(r, 5));
    const before = answered;
    const phones = await Promise.all(
      Array.from({ length: 30 }, async () => {
        const agent = new Agent({ keepAlive: false });
        return Number(await get(port, agent)) - before;
      }),
    );
    await Promise.all(busy);
    // Without turns each connection waited for a turn of 40 requests: the last phone was answered
    // after ≈ 30 × 40 others. With turns, after the 40 queued and the phones before it.
    expect(Math.max(...phones)).toBeLessThan(400);
  }, 60_000);
});
