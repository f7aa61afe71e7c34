// One process per data folder: a second process gets store_locked; a killed holder leaves no stale lock.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from './open-store.js';
import { StoreOpenError } from './store-config.js';

const CHILD = join(import.meta.dirname, 'testing', 'open-store-child.ts');
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'tinnhiem-lock-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function runChild(dir: string): { status: number | null; stdout: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CHILD, dir], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout };
}

describe('SQLite data folder lock', () => {
  it('refuses a second process with store_locked while the first holds the folder', async () => {
    const dir = tempDir();
    const store = await openStore({ kind: 'sqlite', dataDir: dir });
    try {
      const child = runChild(dir);
      expect(child.stdout.split('\n')[0]).toBe('store_locked');
      expect(child.stdout).toContain(`process ${process.pid}`);
      expect(child.status).toBe(3);
      // The first process still works.
      const unit = await store.units.create(
        { userId: null, label: 'test' },
        { code: 'A', name: 'A', parentId: null },
      );
      expect(unit.ok).toBe(true);
    } finally {
      await store.close();
    }
    // Released on close: another process may open it now.
    expect(runChild(dir).stdout.split('\n')[0]).toBe('opened');
  });

  it('refuses a second open in the same process', async () => {
    const dir = tempDir();
    const store = await openStore({ kind: 'sqlite', dataDir: dir });
    try {
      const second = openStore({ kind: 'sqlite', dataDir: dir });
      await expect(second).rejects.toBeInstanceOf(StoreOpenError);
      await expect(second).rejects.toMatchObject({ code: 'store_locked' });
    } finally {
      await store.close();
    }
  });

  it('leaves no stale lock when the holder is killed with SIGKILL', async () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, 'hold'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('opened')) resolve();
      });
      holder.on('exit', (code) => reject(new Error(`holder exited early (${code})`)));
    });
    await expect(openStore({ kind: 'sqlite', dataDir: dir })).rejects.toMatchObject({
      code: 'store_locked',
    });
    holder.removeAllListeners('exit');
    const exited = new Promise((resolve) => holder.on('exit', resolve));
    holder.kill('SIGKILL');
    await exited;
    const store = await openStore({ kind: 'sqlite', dataDir: dir });
    expect(await store.audit.count()).toBe(0);
    await store.close();
  });
});
