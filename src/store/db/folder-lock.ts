// One process per SQLite data folder: an exclusive SQLite lock on a sentinel file, released by the kernel on exit.

import Database from 'better-sqlite3';
import { hostname } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoreOpenError } from '../store-config.js';

/** A held folder lock; `release` is idempotent. */
export interface FolderLock {
  readonly path: string;
  release(): void;
}

/** Folders locked by this process (a second open in the same process is refused too). */
const HELD = new Set<string>();

/**
 * Locks `dir` for this process. The sentinel `tinnhiem.lock` is an SQLite file opened with
 * `locking_mode=EXCLUSIVE` and an exclusive transaction: the operating system holds the lock until the
 * connection closes or the process dies (kill -9 included), so a crash leaves no stale lock and a
 * reused pid cannot fool it. `tinnhiem.lock.owner` only names the holder for the error message.
 * Throws StoreOpenError('store_locked') when another process (or this one) holds it.
 */
export function lockFolder(dir: string): FolderLock {
  const path = join(dir, 'tinnhiem.lock');
  const ownerPath = `${path}.owner`;
  if (HELD.has(path)) {
    throw new StoreOpenError(
      'store_locked',
      lockedMessage(dir, `this process (pid ${process.pid})`),
    );
  }
  const sentinel = new Database(path, { timeout: 0 });
  try {
    sentinel.pragma('locking_mode = EXCLUSIVE');
    sentinel.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS lock (id INTEGER); COMMIT;');
  } catch (error) {
    sentinel.close();
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw new StoreOpenError('store_locked', lockedMessage(dir, readOwner(ownerPath)), {
        cause: error,
      });
    }
    throw new StoreOpenError('store_unavailable', `cannot lock ${path}: ${String(error)}`, {
      cause: error,
    });
  }
  HELD.add(path);
  writeFileSync(
    ownerPath,
    JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }) + '\n',
  );
  let released = false;
  return {
    path,
    release(): void {
      if (released) return;
      released = true;
      HELD.delete(path);
      sentinel.close();
    },
  };
}

function readOwner(ownerPath: string): string {
  try {
    const owner = JSON.parse(readFileSync(ownerPath, 'utf8')) as { pid?: number; host?: string };
    return `process ${owner.pid ?? '?'} on ${owner.host ?? '?'}`;
  } catch {
    return 'another process';
  }
}

function lockedMessage(dir: string, holder: string): string {
  return (
    `store_locked: thư mục dữ liệu ${dir} đang được ${holder} sử dụng / ` +
    `the data folder ${dir} is in use by ${holder}; stop it first.`
  );
}
