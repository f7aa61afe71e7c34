// Backup and restore (issue 8 §7) on both stores and across them: a store with a paper conference and an
// electronic one is backed up, restored into an empty SQLite folder and an empty PostgreSQL schema, and the
// restored store gives the same rows, the same results through the API, a record that passes verifyRecord,
// an audit chain that verifies, and takes new writes; a non-empty target and a doctored file are refused.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyRecord } from '../../src/core/election-record/verify-record.js';
import { backupLines } from '../../src/store/backup/read-backup.js';
import {
  backupStore,
  openStore,
  restoreStore,
  SYSTEM_ACTOR,
  type BackupStoreConfig,
} from '../../src/store/index.js';
import { openAppOn } from '../server/app-on-store.js';
import { Client, openTestApp, PG_URL, sessionClient, type TestApp } from '../server/harness.js';
import { buildBackupWorld, type BackupWorld } from './backup-world.js';

/** Every table's rows of a backup file, each as JSON, sorted (collations order text keys differently). */
async function tablesOf(file: string): Promise<Map<string, string[]>> {
  const tables = new Map<string, string[]>();
  let current: string[] | null = null;
  let first = true;
  for await (const line of backupLines(file)) {
    if (first) {
      first = false;
      continue;
    }
    const value = JSON.parse(line) as unknown;
    if (Array.isArray(value)) current!.push(line);
    else if (typeof value === 'object' && value !== null && 'table' in value) {
      current = [];
      tables.set(String((value as { table: string }).table), current);
    }
  }
  for (const rows of tables.values()) rows.sort();
  return tables;
}

/** What the API answers about both conferences, as the organisers see it. */
async function answers(t: TestApp, w: BackupWorld): Promise<Record<string, string>> {
  const paperOrg = await t.store.users.getByUsername('org-LS');
  const eOrg = await t.store.users.getByUsername('to-chuc');
  const paper = await sessionClient(t, paperOrg!.id);
  const electronic = await sessionClient(t, eOrg!.id);
  const anon = new Client(t);
  const text = async (c: Client, path: string) => {
    const res = await c.request('GET', path);
    expect(res.status, path).toBe(200);
    return res.text();
  };
  return {
    paperResult: await text(paper, `/api/conferences/${w.paperId}/result`),
    revisions: await text(paper, `/api/conferences/${w.paperId}/result/revisions`),
    electronicResult: await text(electronic, `/api/conferences/${w.electronicId}/result`),
    counts: await text(electronic, `/api/conferences/${w.electronicId}/election/counts`),
    record: await text(anon, `/api/public/conferences/${w.electronicId}/election/record.json`),
  };
}

function targetConfig(kind: 'sqlite' | 'postgres', dir: string): BackupStoreConfig {
  return kind === 'sqlite'
    ? { kind, dataDir: join(dir, `restored-${randomBytes(4).toString('hex')}`) }
    : { kind, databaseUrl: PG_URL, schema: `bk_${randomBytes(6).toString('hex')}` };
}

async function dropTarget(config: BackupStoreConfig): Promise<void> {
  if (config.kind === 'sqlite') return;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${config.schema!} CASCADE`);
  await client.end();
}

function sourceConfig(t: TestApp, dir: string): BackupStoreConfig {
  const location = (t as { location?: unknown }).location as
    | { kind: 'sqlite'; dataDir: string }
    | { kind: 'postgres'; url: string; schema: string }
    | undefined;
  if (location === undefined) throw new Error(`the test harness gives no store location (${dir})`);
  return location.kind === 'sqlite'
    ? { kind: 'sqlite', dataDir: location.dataDir }
    : { kind: 'postgres', databaseUrl: location.url, schema: location.schema };
}

for (const source of ['sqlite', 'postgres'] as const) {
  describe(`backup of a ${source} store`, () => {
    let t: TestApp;
    let w: BackupWorld;
    let dir: string;
    let file: string;
    let before: Record<string, string>;
    let atBackup: { entries: number; headHash: string };
    const targets: BackupStoreConfig[] = [];

    beforeAll(async () => {
      t = await openTestApp(source);
      w = await buildBackupWorld(t);
      dir = mkdtempSync(join(tmpdir(), 'tn-backup-'));
      file = join(dir, 'store.tnbackup.gz');
      // The backup is taken while the store is open and serving (a second connection reads it).
      const made = await backupStore(sourceConfig(t, dir), file);
      if (!made.ok) throw new Error(made.error.message);
      expect(made.value.tables['ballot_entries']).toBe(10);
      expect(made.value.tables['election_events']).toBeGreaterThan(9);
      expect(made.value.tables['sessions']).toBe(0);
      atBackup = await t.store.audit.verifyChain();
      before = await answers(t, w);
    }, 240_000);
    afterAll(async () => {
      for (const target of targets) await dropTarget(target);
      await t?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    for (const target of ['sqlite', 'postgres'] as const) {
      it(`restores into an empty ${target} store with the same rows, results and record`, async () => {
        const config = targetConfig(target, dir);
        targets.push(config);
        const restored = await restoreStore(config, file);
        if (!restored.ok) throw new Error(`${restored.error.code}: ${restored.error.message}`);
        expect(restored.value.header.source).toBe(source);
        expect(restored.value.auditEntries).toBe(atBackup.entries);

        // Same rows: a backup of the restored store holds exactly the rows of the first.
        const again = join(dir, `again-${target}.gz`);
        const second = await backupStore(config, again);
        if (!second.ok) throw new Error(second.error.message);
        const [a, b] = [await tablesOf(file), await tablesOf(again)];
        expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
        for (const [name, rows] of a) expect(b.get(name), name).toEqual(rows);

        const r = await openAppOn(config, t.clock.now());
        try {
          // The audit chain verifies and ends where the source's did when the backup was taken.
          const chain = await r.store.audit.verifyChain();
          expect(chain).toMatchObject({ ok: true, entries: atBackup.entries });
          expect(chain.headHash).toBe(atBackup.headHash);
          // The same answers through the same routes.
          const after = await answers(r, w);
          expect(after).toEqual(before);
          const checks = await verifyRecord(JSON.parse(after.record!));
          expect(checks.filter((c) => !c.ok)).toEqual([]);
          expect(checks.length).toBeGreaterThan(5);

          // Credentials are not carried: the pending one-time code works at the source only.
          const refused = await new Client(r).request('POST', '/api/auth/committee-code', {
            code: w.pendingCommitteeCode,
          });
          expect(refused.status).toBe(401);

          // Writes after the restore: a password sign-in (the hashes came along) and audited writes
          // that continue the chain.
          const login = await new Client(r).request('POST', '/api/auth/login', w.paperOrganiser);
          expect(login.status).toBe(200);
          const unit = await r.store.units.create(SYSTEM_ACTOR, {
            code: `NEW-${target}`,
            name: 'Đảng ủy mới',
            parentId: null,
          });
          expect(unit.ok).toBe(true);
          const person = await r.store.persons.create(SYSTEM_ACTOR, { fullName: 'Trần Văn Mới' });
          expect(person.ok).toBe(true);
          const grown = await r.store.audit.verifyChain();
          expect(grown.ok).toBe(true);
          expect(grown.entries).toBeGreaterThanOrEqual(atBackup.entries + 2);
          expect(r.errors).toEqual([]);
        } finally {
          await r.close();
        }

        // A second restore into the now non-empty store is refused, and changes nothing.
        const twice = await restoreStore(config, file);
        expect(twice.ok ? 'ok' : twice.error.code).toBe('store_not_empty');
      }, 120_000);
    }

    it('the pending one-time code still works at the source (so the refusal above means something)', async () => {
      const res = await new Client(t).request('POST', '/api/auth/committee-code', {
        code: w.pendingCommitteeCode,
      });
      expect(res.status).toBe(200);
    });
  });
}

describe('restore refuses a doctored or foreign backup before writing anything', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tn-backup-bad-'));
    const store = await openStore({ kind: 'sqlite', dataDir: join(dir, 'src') });
    await store.units.create(SYSTEM_ACTOR, { code: 'DH', name: 'Huyện ủy Đầm Hà', parentId: null });
    await store.close();
    file = join(dir, 'ok.gz');
    const made = await backupStore({ kind: 'sqlite', dataDir: join(dir, 'src') }, file);
    expect(made.ok).toBe(true);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const lines = () => gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
  const write = (name: string, content: string[], redigest: boolean) => {
    const body = content.slice(0, -1).map((l) => `${l}\n`);
    const trailer = JSON.parse(content.at(-1)!) as { sha256: string };
    if (redigest) trailer.sha256 = createHash('sha256').update(body.join('')).digest('hex');
    const path = join(dir, name);
    writeFileSync(path, gzipSync(body.join('') + JSON.stringify(trailer) + '\n'));
    return path;
  };
  const code = async (path: string) => {
    const target = join(dir, `t-${randomBytes(4).toString('hex')}`);
    const r = await restoreStore({ kind: 'sqlite', dataDir: target }, path);
    const store = await openStore({ kind: 'sqlite', dataDir: target });
    try {
      // Refused means nothing was written.
      if (!r.ok) expect(await store.units.list()).toEqual([]);
      return r.ok ? 'ok' : r.error.code;
    } finally {
      await store.close();
    }
  };

  it('restores the untouched file', async () => {
    expect(await code(file)).toBe('ok');
  });

  it('refuses a changed row (digest), a cut file, an unknown schema, a broken audit chain, no file', async () => {
    const original = lines();
    const changed = original.map((l) => l.replace('Huyện ủy Đầm Hà', 'Huyện ủy Khác'));
    expect(changed).not.toEqual(original);
    expect(await code(write('changed.gz', changed, false))).toBe('backup_digest_mismatch');
    expect(await code(write('cut.gz', original.slice(0, -3).concat(original.at(-1)!), false))).toBe(
      'backup_invalid',
    );
    const header = JSON.parse(original[0]!) as { migrations: string[] };
    header.migrations.push('9999-future');
    const future = [JSON.stringify(header), ...original.slice(1)];
    expect(await code(write('future.gz', future, true))).toBe('backup_schema_mismatch');
    // A row changed and the digest made again: the audit chain still tells.
    expect(await code(write('rehashed.gz', changed, true))).toBe('backup_audit_chain_broken');
    expect(await code(join(dir, 'missing.gz'))).toBe('file_not_found');
    const notGzip = join(dir, 'plain.json');
    writeFileSync(notGzip, '{"hello": 1}\n');
    expect(await code(notGzip)).toBe('backup_invalid');
  });
});
