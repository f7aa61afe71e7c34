// Issue 4 §4: what the screen shows as saved survives a server restart. Entries are saved through the API,
// the store is closed and opened again on the same SQLite folder, and a new app finds them; a retry of the
// last save (its answer "lost" in the restart) is a replay, never a second count.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { systemRandom } from '../../src/crypto/random.js';
import { createApp } from '../../src/server/app.js';
import { parseConfig } from '../../src/server/config.js';
import { openStore } from '../../src/store/index.js';
import type { BallotEntryDto } from '../../src/server/api-types.js';
import { buildDayWorld } from './conference-day-world.js';
import { Client, sessionClient, type TestApp } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'tn-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The app over the store in `dir`; close() keeps the folder. */
async function start(): Promise<TestApp> {
  const now = '2023-09-29T01:00:00.000Z';
  const clock = { now: () => now, set: () => undefined };
  const store = await openStore({ kind: 'sqlite', dataDir: dir, clock });
  const config = parseConfig({ TINNHIEM_LOG: 'silent' }, dir);
  if (!config.ok) throw new Error(config.error.message);
  const errors: string[] = [];
  const { app, routes } = createApp({
    store,
    clock,
    random: systemRandom,
    config: config.value,
    logger: { info: () => undefined, error: (l) => errors.push(l) },
    webRoot: join(dir, 'no-web'),
  });
  return { app, routes, store, clock, errors, logs: [], close: () => store.close() };
}

describe('conference day across a server restart (SQLite)', () => {
  it('keeps every acknowledged entry and answers a retried save as a replay', async () => {
    const first = await start();
    const w = await buildDayWorld(first, { persons: 2, participants: 3 });
    const C = `/api/conferences/${w.conferenceId}`;
    for (const id of w.participantIds)
      await w.organiser.json('PUT', `${C}/roll-call/${id}`, { attendance: 'present' });
    await w.organiser.json('POST', `${C}/start`, { start: true });
    const [u1] = w.committeeUsers;
    await w.organiser.json(
      'POST',
      `${C}/committee`,
      { fullName: 'Trưởng ban', isHead: true, userId: u1 },
      201,
    );
    const head = await sessionClient(first, u1!);
    await head.json('PUT', `${C}/counting/sheets/all/accounting`, {
      issued: 3,
      collected: 3,
      spoiledExchanged: 0,
    });
    for (const [n, marks] of [
      [1, '12'],
      [2, '3'],
      [3, '0x'],
    ] as const) {
      await head.json('PUT', `${C}/counting/sheets/all/ballots/${n}/a`, {
        clientId: `save-${n}`,
        version: 1,
        void: false,
        marks,
      });
    }
    const cookie = head.cookie;
    const csrf = head.csrf;
    await first.close();

    const second = await start();
    try {
      // The session survives too: the same device carries on.
      const again = new Client(second, cookie, csrf);
      const entries = await again.json<BallotEntryDto[]>(
        'GET',
        `${C}/counting/sheets/all/ballots?slot=a`,
      );
      expect(entries.map((e) => [e.ballotNumber, e.marks, e.version, e.complete])).toEqual([
        [1, '12', 1, true],
        [2, '3', 1, false],
        [3, '0x', 1, true],
      ]);
      const retry = await again.json<BallotEntryDto>(
        'PUT',
        `${C}/counting/sheets/all/ballots/3/a`,
        {
          clientId: 'save-3',
          version: 1,
          void: false,
          marks: '0x',
        },
      );
      expect(retry.replayed).toBe(true);
      expect(second.errors).toEqual([]);
    } finally {
      await second.close();
    }
  });
});
