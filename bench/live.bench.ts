// `npm run bench:live`: live updates (issue 7 §4, issue 8 §3). For each store: how long from a write's
// acknowledgement to the notice reaching a subscriber (SQLite: the same process; PostgreSQL: a second
// store, as a second server process would be), what the NOTIFY trigger costs a write on PostgreSQL, and
// how many SSE events one client gets for a burst of writes. Prints figures; no assertions.
//
//   npm run bench:live                  both databases (WRITES=… changes the count, default 300)

import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openStore, SYSTEM_ACTOR, type Store } from '../src/store/index.js';
import { buildElectronicWorld } from '../test/server/electronic-world.js';
import { openTestApp, PG_URL, sessionClient } from '../test/server/harness.js';
import { sseReader } from '../test/server/sse-reader.js';

const WRITES = Number(process.env.WRITES ?? 300);
const kinds = (process.argv[2] ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const q = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

for (const kind of kinds) {
  const t = await openTestApp(kind, { TINNHIEM_LOG: 'silent' });
  const second: Store | null =
    kind === 'postgres' && t.location?.kind === 'postgres'
      ? await openStore({ kind: 'postgres', databaseUrl: PG_URL, schema: t.location.schema })
      : null;
  try {
    const w = await buildElectronicWorld(t.store, 50);
    const listener = second ?? t.store;
    await listener.live.ready();
    // 1. Write acknowledged → notice heard (sequential writes, one at a time).
    const latencies: number[] = [];
    const p = w.participants[0]!.id;
    let waiting: ((at: number) => void) | null = null;
    const off = listener.live.subscribe(w.conferenceId, (c) => {
      if (c.topic === 'roll-call' && waiting) waiting(performance.now());
    });
    const before = load();
    for (let i = 0; i < WRITES; i++) {
      const heard = new Promise<number>((resolve) => (waiting = resolve));
      const r = await t.store.participants.setAttendance(
        SYSTEM_ACTOR,
        p,
        i % 2 === 0 ? 'present' : 'absent',
      );
      const acked = performance.now();
      if (!r.ok) throw new Error(r.error.message);
      // On SQLite the notice comes before the writer resumes (both after the commit): counted as 0.
      latencies.push(Math.max(0, (await heard) - acked));
    }
    off();
    console.log(
      `live ${kind}: ${WRITES} writes, ack → notice heard ${second ? 'by a second store' : 'in process'}: ` +
        `p50 ${q(latencies, 0.5).toFixed(2)} ms, p99 ${q(latencies, 0.99).toFixed(2)} ms (load ${before})`,
    );

    // 2. The trigger's cost on PostgreSQL: the same writes with the trigger disabled.
    if (kind === 'postgres' && t.location?.kind === 'postgres') {
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      const timed = async () => {
        const t0 = performance.now();
        for (let i = 0; i < WRITES; i++)
          await t.store.participants.setAttendance(SYSTEM_ACTOR, p, i % 2 ? 'present' : 'absent');
        return (performance.now() - t0) / WRITES;
      };
      const withTrigger = await timed();
      await admin.query(
        `ALTER TABLE ${t.location.schema}.participants DISABLE TRIGGER tinnhiem_live`,
      );
      const without = await timed();
      await admin.query(
        `ALTER TABLE ${t.location.schema}.participants ENABLE TRIGGER tinnhiem_live`,
      );
      await admin.end();
      console.log(
        `  write with the NOTIFY trigger ${withTrigger.toFixed(2)} ms, without ${without.toFixed(2)} ms (load ${load()})`,
      );
    }

    // 3. One SSE client over a real socket, a burst of roll-call marks through the API: how many events.
    const org = await sessionClient(t, w.organiser);
    let server: ServerType | undefined;
    await new Promise<void>((resolve) => {
      server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
    const headers = { cookie: org.cookie!, origin: base, 'x-csrf-token': org.csrf };
    const res = await fetch(`${base}/api/conferences/${w.conferenceId}/live`, {
      headers: { ...headers, accept: 'text/event-stream' },
    });
    const events = sseReader(res);
    await events.next();
    let received = 0;
    let done = false;
    const counting = (async () => {
      while (!done) {
        try {
          const e = await events.next();
          if (e.event === 'change') received += 1;
        } catch {
          return;
        }
      }
    })();
    const t0 = performance.now();
    for (const [i, x] of w.participants.entries()) {
      const put = await fetch(`${base}/api/conferences/${w.conferenceId}/roll-call/${x.id}`, {
        method: 'PUT',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ attendance: i % 3 ? 'present' : 'absent' }),
      });
      if (put.status !== 200) throw new Error(`roll call: ${put.status} ${await put.text()}`);
    }
    const burstMs = performance.now() - t0;
    // Let the last coalesced flush arrive (at most one interval later).
    await new Promise((r) => setTimeout(r, 500));
    done = true;
    await events.cancel();
    await counting;
    const http = server!;
    if ('closeAllConnections' in http) http.closeAllConnections();
    await new Promise((r) => http.close(r));
    console.log(
      `  burst: ${w.participants.length} roll-call marks through the API in ${burstMs.toFixed(0)} ms → ${received} SSE events for one client (load ${load()})`,
    );
  } finally {
    await second?.close();
    await t.close();
  }
}
