// Issue 8 §3: two real server processes (`tinnhiem serve` from source) on one PostgreSQL database show the
// same live counts. Attendance is marked and ballots are cast through process A; process B's live stream
// (LISTEN/NOTIFY, not process memory) says so, and B's progress figures then equal A's.

import pg from 'pg';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ElectionContext,
  elemFromHex,
  encryptBallot,
  hexToBytes,
  signBallot,
  systemRandom,
} from '../../src/crypto/index.js';
import { createApp } from '../../src/server/app.js';
import { parseConfig } from '../../src/server/config.js';
import type { BoothInfoDto } from '../../src/server/routes/election-schemas.js';
import { openStore, type Store } from '../../src/store/index.js';
import { startServerProcess, type ServerProcess } from '../crash/server-process.js';
import { openElection, type OpenElection } from './electronic-driver.js';
import { buildElectronicWorld, type ElectronicWorld } from './electronic-world.js';
import { PG_URL, sessionClient, type TestApp } from './harness.js';
import { sseReader, topicOf, type SseReader } from './sse-reader.js';

const name = `tn_live_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
const url = (() => {
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  return u.toString();
})();

let store: Store;
let t: TestApp;
let w: ElectronicWorld;
let e: OpenElection;
let a: ServerProcess;
let b: ServerProcess;
let cookie: string;
let csrf: string;

/** The app in this test process on the same database: it runs the key ceremony and makes sessions. */
async function inProcessApp(): Promise<TestApp> {
  const clock = { now: () => new Date().toISOString(), set: () => undefined };
  store = await openStore({ kind: 'postgres', databaseUrl: url, clock });
  const config = parseConfig({ TINNHIEM_LOG: 'silent' }, tmpdir());
  if (!config.ok) throw new Error(config.error.message);
  const errors: string[] = [];
  const { app, routes } = createApp({
    store,
    clock,
    random: systemRandom,
    config: config.value,
    logger: { info: () => undefined, error: (l) => errors.push(l) },
  });
  return { app, routes, store, clock, errors, logs: [], close: () => store.close() };
}

async function call(base: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${base}${path}`, {
    method,
    headers: {
      origin: base,
      cookie,
      'x-csrf-token': method === 'GET' ? 'anonymous' : csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function progressOn(base: string): Promise<{ ballotsReceived: number; present: number }> {
  const res = await call(base, 'GET', `${e.P}/progress`);
  expect(res.status).toBe(200);
  const { ballotsReceived, present } = (await res.json()) as {
    ballotsReceived: number;
    present: number;
  };
  return { ballotsReceived, present };
}

async function openStream(base: string, path: string): Promise<SseReader> {
  const res = await fetch(`${base}${path}`, { headers: { accept: 'text/event-stream', cookie } });
  expect(res.status).toBe(200);
  const events = sseReader(res);
  expect((await events.next()).event).toBe('ready');
  return events;
}

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  t = await inProcessApp();
  w = await buildElectronicWorld(t.store, 8);
  e = await openElection(t, w);
  const org = await sessionClient(t, w.organiser);
  cookie = org.cookie!;
  csrf = org.csrf;
  [a, b] = await Promise.all([
    startServerProcess({ DATABASE_URL: url }, 120_000),
    startServerProcess({ DATABASE_URL: url }, 120_000),
  ]);
}, 240_000);

afterAll(async () => {
  for (const p of [a, b]) {
    if (p && p.child.exitCode === null) {
      p.child.kill('SIGTERM');
      await p.exited;
    }
  }
  await t?.close();
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe('two server processes on one PostgreSQL database', () => {
  it('writes through A reach B’s live stream, and B then shows the same counts as A', async () => {
    expect(a.url).not.toBe(b.url);
    const publicB = await openStream(b.url, `/api/public/conferences/${w.conferenceId}/live`);
    const dayB = await openStream(b.url, `/api/conferences/${w.conferenceId}/live`);
    const before = await progressOn(b.url);
    expect(before.ballotsReceived).toBe(0);
    expect(before.present).toBeLessThan(w.participants.length);

    // Through A: every voter present (the world had some checked in already), then three ballots cast.
    for (const p of w.participants) {
      const res = await call(a.url, 'PUT', `/api/conferences/${w.conferenceId}/roll-call/${p.id}`, {
        attendance: 'present',
      });
      expect(res.status).toBe(200);
    }
    const booth = (await (await call(a.url, 'GET', `${e.P}/booth`)).json()) as BoothInfoDto;
    const ctx: ElectionContext = {
      F: hexToBytes(booth.fingerprint),
      Y: elemFromHex(booth.publicKey!)!,
      base: BigInt(booth.base),
    };
    for (const { cred, style } of e.voters.slice(0, 3)) {
      const s = booth.manifest.styles.find((x) => x.id === style)!;
      const { ballot } = encryptBallot(
        ctx,
        cred.public,
        s,
        s.persons.map(() => 'high' as const),
        systemRandom,
      );
      const res = await call(a.url, 'POST', `${e.P}/ballots`, {
        ballot: signBallot(ctx, ballot, cred, systemRandom),
      });
      expect(res.status).toBe(201);
    }
    const expected = { ballotsReceived: 3, present: w.participants.length };
    expect(await progressOn(a.url)).toEqual(expected);

    // B hears of it through its LISTEN connection (the writes were A's): a B that did not would wait
    // here until the test times out. After the events, B's figures are A's.
    const publicTopics = new Set<string>();
    while (!publicTopics.has('roll-call') || !publicTopics.has('election'))
      publicTopics.add(topicOf(await publicB.next()) ?? '');
    const dayTopics = new Set<string>();
    while (!dayTopics.has('roll-call') || !dayTopics.has('election'))
      dayTopics.add(topicOf(await dayB.next()) ?? '');
    expect(await progressOn(b.url)).toEqual(expected);
    await publicB.cancel();
    await dayB.cancel();
    expect(t.errors).toEqual([]);
  }, 120_000);

  it('SIGTERM with a live stream open: the stream ends and the process exits cleanly', async () => {
    const open = await openStream(a.url, `/api/conferences/${w.conferenceId}/live`);
    a.child.kill('SIGTERM');
    await expect(open.next()).rejects.toThrow();
    expect(await a.exited).toBe(0);
  }, 60_000);
});
