// The store contract on SQLite in a temporary data folder, and the SQLite settings the store relies on.

import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from './db/migrations.js';
import { openStore, SQLITE_FILE } from './open-store.js';
import { sqliteHarness } from './testing/harnesses.js';
import { describeStoreContract } from './testing/store-contract.js';

describeStoreContract('SQLite', sqliteHarness, 'sqlite');

describe('SQLite file', () => {
  it('is in WAL mode, migrated once, and keeps its data across a reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tinnhiem-wal-'));
    try {
      const first = await openStore({ kind: 'sqlite', dataDir: dir });
      const made = await first.units.create(
        { userId: null, label: 'test' },
        { code: 'A', name: 'Đơn vị A', parentId: null },
      );
      expect(made.ok).toBe(true);
      await first.close();
      const raw = new Database(join(dir, SQLITE_FILE), { readonly: true });
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.prepare('select count(*) as n from tinnhiem_migration').get()).toEqual({
        n: Object.keys(migrations('sqlite')).length,
      });
      raw.close();
      const second = await openStore({ kind: 'sqlite', dataDir: dir });
      expect((await second.units.getByCode('A'))?.name).toBe('Đơn vị A');
      expect((await second.audit.verifyChain()).entries).toBe(1);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
