// The live-update port on SQLite and on PostgreSQL (fails, not skips, when PostgreSQL is down), and what only
// PostgreSQL does: notices between two stores (two processes) and a LISTEN connection that comes back.

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../core/model/index.js';
import { LIVE_TABLES } from './live/live-tables.js';
import { LISTEN_APPLICATION_NAME, liveChannel } from './live/postgres-live.js';
import { openStore } from './open-store.js';
import type { Store } from './store.js';
import { describeLiveContract, recorder } from './testing/live-contract.js';
import { bareConference } from './testing/bare-conference.js';
import { postgresHarness, sqliteHarness, testDatabaseUrl } from './testing/harnesses.js';
import { value } from './testing/store-contract.js';

describeLiveContract('SQLite', sqliteHarness);
describeLiveContract('PostgreSQL', postgresHarness);

const A: Actor = { userId: null, label: 'live-test' };

describe('live updates on PostgreSQL: across stores, triggers, reconnection', () => {
  const url = testDatabaseUrl();
  const schema = `t_${randomBytes(6).toString('hex')}`;
  let a: Store;
  let b: Store;
  let admin: pg.Client;
  let conferenceId: string;
  let participantId: string;

  beforeAll(async () => {
    a = await openStore({ kind: 'postgres', databaseUrl: url, schema, poolSize: 3 });
    b = await openStore({ kind: 'postgres', databaseUrl: url, schema, poolSize: 3 });
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    conferenceId = await bareConference(a, A);
    participantId = value(
      await a.participants.create(A, {
        conferenceId,
        fullName: 'Lê Văn A',
        unitName: '',
        position: '',
      }),
    ).id;
    await b.live.ready();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.end();
  });

  it('a write through one store reaches the other store’s subscriber (the two-process path)', async () => {
    const r = recorder(b, conferenceId);
    const next = r.next('roll-call');
    value(await a.participants.setAttendance(A, participantId, 'present'));
    expect(await next).toEqual({ conferenceId, topic: 'roll-call' });
    r.off();
  });

  it('has one trigger per watched table, and the payload on the wire is "<conference id> <topic>"', async () => {
    const { rows } = await admin.query<{ table: string }>(
      `SELECT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND t.tgname = 'tinnhiem_live'
       ORDER BY 1`,
      [schema],
    );
    expect(rows.map((r) => r.table)).toEqual(LIVE_TABLES.map((t) => t.table).sort());
    const listener = new pg.Client({ connectionString: url });
    await listener.connect();
    try {
      const payloads: string[] = [];
      const got = new Promise<void>((resolve) =>
        listener.on('notification', (m) => {
          payloads.push(`${m.channel}|${m.payload ?? ''}`);
          resolve();
        }),
      );
      await listener.query(`LISTEN "${liveChannel(schema)}"`);
      value(await a.participants.setAttendance(A, participantId, 'absent'));
      await got;
      expect(payloads).toEqual([`${liveChannel(schema)}|${conferenceId} roll-call`]);
    } finally {
      await listener.end();
    }
  });

  it('after the LISTEN connection is killed it comes back, announces every topic, then hears writes again', async () => {
    const r = recorder(b, conferenceId);
    const everything = r.next('result');
    const killed = await admin.query<{ ok: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
       WHERE application_name = $1 AND query LIKE 'LISTEN "tinnhiem_live:${schema}"%'`,
      [LISTEN_APPLICATION_NAME],
    );
    expect(killed.rows.map((x) => x.ok)).toEqual([true]);
    // Back: the gap is unknown, so every topic comes.
    await everything;
    expect(new Set(r.seen.map((c) => c.topic))).toEqual(
      new Set(['roll-call', 'counting', 'election', 'result', 'conference']),
    );
    await b.live.ready();
    const next = r.next('roll-call');
    value(await a.participants.setAttendance(A, participantId, 'present'));
    await next;
    r.off();
  });
});
