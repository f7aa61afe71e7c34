// bench:load (issue 8 §3): the real server as a child process, on SQLite and then on PostgreSQL, with N
// conferences × V summoned voters at once on loopback: roll call, paper double entry for part of each
// conference and electronic ballots (encrypted before the clock) for the rest, each voter's phone a new
// connection that opens the booth and casts, from many concurrent clients through the public HTTP
// routes. Prints requests/s, p50/p99 per kind and errors, then checks that every acknowledged write is
// there. Goal: zero errors, p99 ≤ 500 ms. Bounded: --deadline seconds.
// Usage: tsx bench/load.bench.ts [--db sqlite|postgres|both] [--conferences 50] [--voters 200]
//        [--electronic 40] [--persons 5] [--deadline 900]

import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setMaxListeners } from 'node:events';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { BackupStoreConfig } from '../src/store/index.js';
import { startServerProcess, tinnhiemCommand } from '../test/crash/server-process.js';
import { buildLoadWorld, type LoadConference, type Session, type LoadSizes } from './load-world.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    conferences: { type: 'string', default: '50' },
    voters: { type: 'string', default: '200' },
    electronic: { type: 'string', default: '40' },
    persons: { type: 'string', default: '5' },
    deadline: { type: 'string', default: '900' },
  },
});
const sizes: LoadSizes = {
  conferences: Number(values.conferences),
  voters: Number(values.voters),
  electronic: Number(values.electronic),
  persons: Number(values.persons),
};
if (sizes.electronic > sizes.voters) throw new Error('--electronic must not exceed --voters');
const deadlineMs = Number(values.deadline) * 1000;
const kinds = values.db === 'both' ? (['sqlite', 'postgres'] as const) : [values.db as 'sqlite'];
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

type Kind = 'roll-call' | 'accounting' | 'paper-entry' | 'booth' | 'ballot';
const KINDS: readonly Kind[] = ['roll-call', 'accounting', 'paper-entry', 'booth', 'ballot'];

/** Latencies and failures of one run. */
class Tally {
  readonly latencies = new Map<Kind, number[]>(KINDS.map((k) => [k, []]));
  /** When each answered request was sent (performance.now()), beside its latency, by kind. */
  readonly sentAt = new Map<Kind, number[]>(KINDS.map((k) => [k, []]));
  record(kind: Kind, sent: number): void {
    this.latencies.get(kind)!.push(performance.now() - sent);
    this.sentAt.get(kind)!.push(sent);
  }
  /**
   * p99 in each window of `seconds` from `start`, as "from-s: count/p99 ms": shows whether the tail
   * belongs to a phase of the day (the electronic voting at the start) or to the whole run.
   */
  windows(kind: Kind, start: number, seconds: number): string {
    const latencies = this.latencies.get(kind)!;
    const byWindow = new Map<number, number[]>();
    this.sentAt.get(kind)!.forEach((sent, i) => {
      const w = Math.floor((sent - start) / 1000 / seconds) * seconds;
      const l = byWindow.get(w) ?? [];
      l.push(latencies[i]!);
      byWindow.set(w, l);
    });
    return [...byWindow]
      .sort(([a], [b]) => a - b)
      .map(
        ([w, l]) =>
          `${w}s: ${l.length}/${quantile(
            l.sort((x, y) => x - y),
            0.99,
          ).toFixed(0)}`,
      )
      .join('  ');
  }
  readonly errors = new Map<Kind, number>(KINDS.map((k) => [k, 0]));
  /** Failures by kind and cause (an HTTP status or the client's error), and one example of each. */
  readonly causes = new Map<string, { count: number; example: string }>();
  fail(kind: Kind, cause: string, what: string): void {
    this.errors.set(kind, this.errors.get(kind)! + 1);
    const key = `${kind} ${cause}`;
    const seen = this.causes.get(key);
    if (seen) seen.count++;
    else this.causes.set(key, { count: 1, example: what });
  }
}

/**
 * Each device (a signed-in member's, or a voter's phone) has its own keep-alive connection, as in the
 * room: with one shared pool for the whole bench, requests of different lanes queued behind each
 * other in the client (a trace saw ballots reach the server 6–8 s after they were sent, in a chain).
 */
const connections = new WeakMap<object, Agent>();
const sharedReader = {};
function connectionOf(device: object): Agent {
  let agent = connections.get(device);
  if (!agent) {
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
    connections.set(device, agent);
  }
  return agent;
}

/** A device leaves: its connection closes. */
function leave(device: object): void {
  connections.get(device)?.destroy();
  connections.delete(device);
}

/** One HTTP request on `agent`: the status and the body as text. */
function send(
  target: string,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  agent: Agent,
  signal: AbortSignal,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
    const req = request(
      target,
      { method, headers: { ...headers, ...length }, agent, signal, timeout: 30_000 },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer in 30 s')));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Sends one request as `session` (an anonymous voter: a session with no cookie) on that device's
 * connection; null when it failed (counted), else the parsed answer.
 */
async function call(
  tally: Tally,
  kind: Kind | null,
  url: string,
  session: Session | null,
  method: string,
  path: string,
  body: string | undefined,
  expect: number,
  signal: AbortSignal,
): Promise<unknown> {
  const headers: Record<string, string> = {
    origin: url,
    'x-csrf-token': session?.csrf ?? 'anonymous',
  };
  if (session?.cookie) headers.cookie = session.cookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const t0 = performance.now();
  try {
    const res = await send(
      `${url}${path}`,
      method,
      headers,
      body,
      connectionOf(session ?? sharedReader),
      signal,
    );
    const text = res.text;
    if (kind) tally.record(kind, t0);
    if (res.status !== expect) {
      if (kind) tally.fail(kind, String(res.status), `${method} ${path} → ${text.slice(0, 160)}`);
      else throw new Error(`${method} ${path} → ${res.status} ${text.slice(0, 300)}`);
      return null;
    }
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (!kind) throw error;
    if (!signal.aborted) {
      const cause = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const detail = (error as { code?: string }).code;
      tally.fail(kind, detail ? `${cause} (${detail})` : cause, `${method} ${path}`);
    }
    return null;
  }
}

/** What the server acknowledged, per conference. */
interface Acked {
  present: Set<string>;
  entries: Map<string, string>;
  trackers: string[];
}

/** Runs every conference's day at once; resolves when all lanes end or the deadline passes. */
async function runLoad(
  url: string,
  world: readonly LoadConference[],
  tally: Tally,
  signal: AbortSignal,
): Promise<Acked[]> {
  const acked: Acked[] = world.map(() => ({
    present: new Set(),
    entries: new Map(),
    trackers: [],
  }));
  const lanes: Promise<void>[] = [];
  for (const [k, conf] of world.entries()) {
    const C = `/api/conferences/${conf.id}`;
    const P = `/api/public/conferences/${conf.id}/election`;
    const mine = acked[k]!;
    // Roll call, then the accounting of the paper sheet, then two members entering every paper ballot.
    lanes.push(
      (async () => {
        for (const id of conf.participantIds) {
          if (signal.aborted) return;
          const r = await call(
            tally,
            'roll-call',
            url,
            conf.organiser,
            'PUT',
            `${C}/roll-call/${id}`,
            JSON.stringify({ attendance: 'present' }),
            200,
            signal,
          );
          if (r) mine.present.add(id);
        }
        const n = conf.paperMarks.length;
        // The screen retries a refused save (the PUT is idempotent); every failure still counts.
        let sheet: unknown = null;
        for (let attempt = 0; attempt < 3 && !sheet && !signal.aborted; attempt++)
          sheet = await call(
            tally,
            'accounting',
            url,
            conf.head,
            'PUT',
            `${C}/counting/sheets/all/accounting`,
            JSON.stringify({ issued: n, collected: n, spoiledExchanged: 0 }),
            200,
            signal,
          );
        if (!sheet) return;
        await Promise.all(
          (['a', 'b'] as const).map(async (slot) => {
            const member = slot === 'a' ? conf.memberA : conf.memberB;
            for (const [i, marks] of conf.paperMarks.entries()) {
              if (signal.aborted) return;
              const r = await call(
                tally,
                'paper-entry',
                url,
                member,
                'PUT',
                `${C}/counting/sheets/all/ballots/${i + 1}/${slot}`,
                JSON.stringify({
                  clientId: `load-${k}-${i}-${slot}`,
                  version: 1,
                  void: false,
                  marks,
                }),
                200,
                signal,
              );
              if (r) mine.entries.set(`${i + 1}/${slot}`, marks);
            }
          }),
        );
      })(),
    );
    // The electronic voters cast from the start, one after another, each on their own phone (a new
    // connection): the booth page for the slip, then the ballot.
    lanes.push(
      (async () => {
        for (const { body, credential } of conf.ballots) {
          if (signal.aborted) return;
          const phone: Session = { cookie: '', csrf: 'anonymous' };
          const booth = await call(
            tally,
            'booth',
            url,
            phone,
            'GET',
            `${P}/booth?credential=${credential}`,
            undefined,
            200,
            signal,
          );
          const cast = booth
            ? await call(tally, 'ballot', url, phone, 'POST', `${P}/ballots`, body, 201, signal)
            : null;
          leave(phone);
          const tracker = (cast as { tracker?: string } | null)?.tracker;
          if (tracker) mine.trackers.push(tracker);
        }
      })(),
    );
  }
  await Promise.all(lanes);
  return acked;
}

/**
 * Before the clock, as in the room: every signed-in member has opened their screen (the organiser the
 * roll call, the committee the count). The phones come only with the voting.
 */
async function openScreens(url: string, world: readonly LoadConference[]): Promise<number> {
  const never = new AbortController().signal;
  setMaxListeners(Infinity, never);
  const tally = new Tally();
  const screens = world.flatMap((conf): [Session, string][] => {
    const C = `/api/conferences/${conf.id}`;
    return [
      [conf.organiser, `${C}/roll-call`],
      ...[conf.head, conf.memberA, conf.memberB].map((m): [Session, string] => [
        m,
        `${C}/counting`,
      ]),
    ];
  });
  await Promise.all(
    screens.map(([session, path]) =>
      call(tally, null, url, session, 'GET', path, undefined, 200, never),
    ),
  );
  return screens.length;
}

/** Reads back every acknowledged write; returns [found, expected] and the problems. */
async function checkAcked(
  url: string,
  world: readonly LoadConference[],
  acked: readonly Acked[],
): Promise<{ found: number; expected: number; problems: string[] }> {
  const tally = new Tally();
  const never = new AbortController().signal;
  let found = 0;
  let expected = 0;
  const problems: string[] = [];
  for (const [k, conf] of world.entries()) {
    const C = `/api/conferences/${conf.id}`;
    const mine = acked[k]!;
    const roll = (await call(
      tally,
      null,
      url,
      conf.organiser,
      'GET',
      `${C}/roll-call`,
      undefined,
      200,
      never,
    )) as { participants: { id: string; attendance: string }[] };
    const present = new Set(
      roll.participants.filter((p) => p.attendance === 'present').map((p) => p.id),
    );
    expected += mine.present.size;
    for (const id of mine.present)
      if (present.has(id)) found++;
      else problems.push(`conference ${k + 1}: ${id} not present`);
    for (const slot of ['a', 'b'] as const) {
      const member = slot === 'a' ? conf.memberA : conf.memberB;
      const entries = (await call(
        tally,
        null,
        url,
        member,
        'GET',
        `${C}/counting/sheets/all/ballots?slot=${slot}`,
        undefined,
        200,
        never,
      )) as {
        ballotNumber: number;
        marks: string;
      }[];
      const stored = new Map(entries.map((e) => [`${e.ballotNumber}/${slot}`, e.marks]));
      for (const [key, marks] of mine.entries) {
        if (!key.endsWith(`/${slot}`)) continue;
        expected++;
        if (stored.get(key) === marks) found++;
        else
          problems.push(`conference ${k + 1}: entry ${key} holds ${stored.get(key) ?? 'nothing'}`);
      }
    }
    const board = (await call(
      tally,
      null,
      url,
      null,
      'GET',
      `/api/public/conferences/${conf.id}/election/board`,
      undefined,
      200,
      never,
    )) as {
      ballots: { tracker: string; kind: string }[];
    };
    const cast = new Set(board.ballots.filter((b) => b.kind === 'cast').map((b) => b.tracker));
    expected += mine.trackers.length;
    for (const tracker of mine.trackers)
      if (cast.has(tracker)) found++;
      else problems.push(`conference ${k + 1}: ballot ${tracker} missing`);
  }
  return { found, expected, problems };
}

function quantile(sorted: readonly number[], p: number): number {
  return sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

const fmtLoad = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

async function runOn(kind: 'sqlite' | 'postgres'): Promise<boolean> {
  let config: BackupStoreConfig;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tn-load-'));
    config = { kind, dataDir: dir };
    env = { TINNHIEM_DATA: dir };
    drop = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
  } else {
    const name = `tn_load_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(PG_URL);
    u.pathname = `/${name}`;
    config = { kind, databaseUrl: u.toString() };
    env = { DATABASE_URL: u.toString() };
    drop = async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const paper = sizes.voters - sizes.electronic;
  console.log(
    `load ${kind}: ${sizes.conferences} conferences × ${sizes.voters} voters (${paper} on paper, ${sizes.electronic} electronic; ${sizes.persons} persons a ballot), server ${tinnhiemCommand().form}`,
  );
  try {
    const t0 = performance.now();
    const world = await buildLoadWorld(config, sizes, (l) => console.log(l));
    console.log(`  set-up outside the clock: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    const server = await startServerProcess(env);
    try {
      const t1 = performance.now();
      const screens = await openScreens(server.url, world);
      console.log(
        `  screens opened before the clock: ${screens} in ${((performance.now() - t1) / 1000).toFixed(1)} s`,
      );
      const tally = new Tally();
      const stop = new AbortController();
      // every request in flight listens to it (up to 150 at once)
      setMaxListeners(Infinity, stop.signal);
      const timer = setTimeout(() => stop.abort(), deadlineMs);
      const loadBefore = fmtLoad();
      const start = performance.now();
      const acked = await runLoad(server.url, world, tally, stop.signal);
      const seconds = (performance.now() - start) / 1000;
      clearTimeout(timer);
      const loadAfter = fmtLoad();
      const total = KINDS.reduce((n, k) => n + tally.latencies.get(k)!.length, 0);
      const errors = KINDS.reduce((n, k) => n + tally.errors.get(k)!, 0);
      const lanes = sizes.conferences * 3;
      console.log(
        `  ${total} requests in ${seconds.toFixed(1)} s: ${(total / seconds).toFixed(0)} requests/s, up to ${lanes} concurrent clients; errors ${errors}${stop.signal.aborted ? ' (stopped at the deadline)' : ''}`,
      );
      console.log('  kind            count  errors   p50 ms   p99 ms   max ms');
      let worstP99 = 0;
      for (const k of KINDS) {
        const l = [...tally.latencies.get(k)!].sort((x, y) => x - y);
        const p99 = quantile(l, 0.99);
        worstP99 = Math.max(worstP99, Number.isNaN(p99) ? 0 : p99);
        console.log(
          `  ${k.padEnd(12)} ${String(l.length).padStart(8)} ${String(tally.errors.get(k)).padStart(7)} ${quantile(l, 0.5).toFixed(1).padStart(8)} ${p99.toFixed(1).padStart(8)} ${(l.at(-1) ?? NaN).toFixed(1).padStart(8)}`,
        );
      }
      console.log('  p99 by 10 s of the run (from: count/p99 ms):');
      for (const k of KINDS)
        if (tally.latencies.get(k)!.length > 0)
          console.log(`    ${k.padEnd(12)} ${tally.windows(k, start, 10)}`);
      for (const [key, { count, example }] of tally.causes)
        console.log(`  errors ${key}: ${count} (e.g. ${example})`);
      const check = await checkAcked(server.url, world, acked);
      console.log(
        `  acknowledged writes found afterwards: ${check.found}/${check.expected}${check.problems.length ? `; ${check.problems.slice(0, 3).join('; ')}` : ''}`,
      );
      console.log(`  load average (1, 5, 15 min): before ${loadBefore}, after ${loadAfter}`);
      const met =
        errors === 0 && worstP99 <= 500 && check.found === check.expected && !stop.signal.aborted;
      console.log(
        `  goal (zero errors, p99 ≤ 500 ms, every acknowledged write there): ${met ? 'met' : 'NOT met'}`,
      );
      return met;
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  } finally {
    await drop();
  }
}

for (const kind of kinds) await runOn(kind);
