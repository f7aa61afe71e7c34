// `npm run bench:count`: issue 4 §10 — 500 ballots × 40 persons entered twice through the HTTP API (a real
// socket, the app in this process) on SQLite and PostgreSQL, then reconciliation, result and confirmation.
// Prints milliseconds per ballot entered and to compute the result; no assertions (goal: result ≪ 1 s).
//
//   npm run bench:count                 both databases
//   npm run bench:count -- --sqlite     SQLite only (BALLOTS=…, PERSONS=… change the sizes)

import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { SYSTEM_ACTOR } from '../src/store/index.js';
import { buildDayWorld } from '../test/server/conference-day-world.js';
import { openTestApp, sessionClient, type Client, type TestApp } from '../test/server/harness.js';

const BALLOTS = Number(process.env.BALLOTS ?? 500);
const PERSONS = Number(process.env.PERSONS ?? 40);
const KEYS = ['1', '1', '1', '1', '2', '2', '3', '0', 'x'];

/** A deterministic stream of ballots: mostly "tín nhiệm cao", some others, one void ballot in fifty. */
function ballot(n: number): { void: boolean; marks: string } {
  let seed = n * 2654435761;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  if (n % 50 === 0) return { void: true, marks: '' };
  let marks = '';
  for (let i = 0; i < PERSONS; i++) marks += KEYS[next() % KEYS.length];
  return { void: false, marks };
}

/** Sends through the socket with the client's cookie and CSRF token; throws on a status other than 2xx. */
async function send(base: string, who: Client, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      cookie: who.cookie ?? '',
      'x-csrf-token': who.csrf,
      origin: base,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as unknown;
}

async function run(kind: 'sqlite' | 'postgres'): Promise<void> {
  const t: TestApp = await openTestApp(kind, { TINNHIEM_LOG: 'silent' });
  let server: ServerType | null = null;
  try {
    const w = await buildDayWorld(t, { persons: PERSONS, participants: BALLOTS });
    for (const id of w.participantIds)
      await t.store.participants.setAttendance(SYSTEM_ACTOR, id, 'present');
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
        resolve(info.port),
      );
    });
    const base = `http://127.0.0.1:${port}`;
    const C = `/api/conferences/${w.conferenceId}`;
    await send(base, w.organiser, 'POST', `${C}/start`, { start: true });
    const [u1, u2] = w.committeeUsers;
    await send(base, w.organiser, 'POST', `${C}/committee`, {
      fullName: 'Trưởng ban',
      isHead: true,
      userId: u1,
    });
    await send(base, w.organiser, 'POST', `${C}/committee`, { fullName: 'Ủy viên', userId: u2 });
    const head = await sessionClient(t, u1!);
    const member = await sessionClient(t, u2!);
    await send(base, head, 'PUT', `${C}/counting/sheets/all/accounting`, {
      issued: BALLOTS,
      collected: BALLOTS,
      spoiledExchanged: 0,
    });

    // Two members type at once, each on their own device, one save per finished ballot.
    const typist = async (who: Client, slot: 'a' | 'b') => {
      for (let n = 1; n <= BALLOTS; n++) {
        await send(base, who, 'PUT', `${C}/counting/sheets/all/ballots/${n}/${slot}`, {
          clientId: `${slot}-${n}`,
          version: 1,
          ...ballot(n),
        });
      }
    };
    let started = performance.now();
    await Promise.all([typist(head, 'a'), typist(member, 'b')]);
    const entryMs = performance.now() - started;

    started = performance.now();
    const rec = (await send(base, head, 'GET', `${C}/counting/sheets/all/reconciliation`)) as {
      complete: boolean;
      agreed: number;
    };
    const reconcileMs = performance.now() - started;
    started = performance.now();
    const result = (await send(base, head, 'GET', `${C}/result`)) as {
      state: string;
      persons: unknown[];
    };
    const resultMs = performance.now() - started;
    started = performance.now();
    await send(base, head, 'POST', `${C}/result/confirm`, { confirm: true });
    const confirmMs = performance.now() - started;
    started = performance.now();
    await send(base, w.organiser, 'GET', `${C}/projector`);
    const projectorMs = performance.now() - started;
    if (!rec.complete || result.state !== 'ready' || result.persons.length !== PERSONS)
      throw new Error(`unexpected state: ${JSON.stringify({ rec, state: result.state })}`);

    const f = (ms: number) => ms.toFixed(1).padStart(8);
    console.log(
      `\n${kind}: ${BALLOTS} ballots × ${PERSONS} persons, entered twice over HTTP (2 typists)`,
    );
    console.log(`  entries saved                 ${2 * BALLOTS}`);
    console.log(`  total entry time          ${f(entryMs)} ms`);
    console.log(
      `  per entry (one save)      ${f(entryMs / (2 * BALLOTS))} ms  (wall time / saves)`,
    );
    console.log(`  per ballot (both entries) ${f(entryMs / BALLOTS)} ms`);
    console.log(`  reconciliation (GET)      ${f(reconcileMs)} ms  (${rec.agreed} agreed)`);
    console.log(`  result computed (GET)     ${f(resultMs)} ms`);
    console.log(`  confirm (POST)            ${f(confirmMs)} ms`);
    console.log(`  projector (GET)           ${f(projectorMs)} ms`);
  } finally {
    const s = server as ServerType | null;
    if (s !== null) await new Promise<void>((resolve) => s.close(() => resolve()));
    await t.close();
  }
}

const only = process.argv.includes('--sqlite')
  ? ['sqlite']
  : process.argv.includes('--postgres')
    ? ['postgres']
    : ['sqlite', 'postgres'];
for (const kind of only as ('sqlite' | 'postgres')[]) await run(kind);
