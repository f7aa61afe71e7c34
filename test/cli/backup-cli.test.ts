// `tinnhiem backup` and `tinnhiem restore`: help and usage in process; as real processes, a backup taken
// while the server runs on the folder, restores into SQLite and into a new PostgreSQL database, and the
// refusals (non-empty store, doctored file) with their exit codes and `error [code]:` lines.

import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { openStore, SYSTEM_ACTOR } from '../../src/store/index.js';
import { ROOT, startServerProcess, tinnhiemCommand } from '../crash/server-process.js';
import { PG_URL } from '../server/harness.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `tinnhiem ...args` as a child process with only `env` from the environment's store settings. */
function tinnhiem(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const { args: entry } = tinnhiemCommand();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...entry, ...args],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: '', TINNHIEM_DATA: '', ...env },
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: unknown }).code ?? 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Runs the CLI in this process (for the quick cases) with the same environment handling. */
async function inProcess(args: string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: ROOT,
    env,
  });
  return { code, stdout, stderr };
}

describe('tinnhiem backup / restore', () => {
  let dir: string;
  let dbName: string;
  let dbUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tn-backup-cli-'));
    const store = await openStore({ kind: 'sqlite', dataDir: join(dir, 'src') });
    for (const [code, name] of [
      ['DH', 'Huyện ủy Đầm Hà'],
      ['MC', 'Thành ủy Móng Cái'],
    ])
      await store.units.create(SYSTEM_ACTOR, { code: code!, name: name!, parentId: null });
    await store.close();
    dbName = `tn_backup_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(PG_URL);
    url.pathname = `/${dbName}`;
    dbUrl = url.toString();
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });

  it('prints help for both commands and refuses bad usage with exit 2 (in process)', async () => {
    const help = await inProcess(['backup', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: tinnhiem backup --out FILE');
    const restoreHelp = await inProcess(['restore', '--help']);
    expect(restoreHelp.code).toBe(0);
    expect(restoreHelp.stdout).toContain('Usage: tinnhiem restore --in FILE');
    const noOut = await inProcess(['backup', '--data', join(dir, 'src')]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/^error \[usage\]: --out FILE is required/);
    const both = await inProcess(['restore', '--in', 'x', '--data', 'a', '--database-url', dbUrl]);
    expect([both.code, both.stderr.split('\n')[0]]).toEqual([
      2,
      'error [usage]: give either --data or --database-url, not both',
    ]);
    const listed = await inProcess(['--help']);
    expect(listed.stdout).toMatch(/backup .*\n.*restore /);
  });

  it('backs up while the server runs on the folder, and restores into SQLite and PostgreSQL (real processes)', async () => {
    const file = join(dir, 'src.tnbackup.gz');
    const server = await startServerProcess({ TINNHIEM_DATA: join(dir, 'src') });
    try {
      const backup = await tinnhiem(['backup', '--out', file], { TINNHIEM_DATA: join(dir, 'src') });
      expect(backup.stderr).toBe('');
      expect(backup.code).toBe(0);
      expect(backup.stdout).toContain('backed up');
      // The folder is in use: restoring into it is refused with the store's code, exit 1.
      const busy = await inProcess(['restore', '--in', file, '--data', join(dir, 'src')]);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toMatch(/^error \[store_locked\]: /);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }

    const restored = await tinnhiem(['restore', '--in', file, '--data', join(dir, 'dst')]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/audit chain verified: \d+/);
    const store = await openStore({ kind: 'sqlite', dataDir: join(dir, 'dst') });
    try {
      expect((await store.units.list()).map((u) => u.code).sort()).toEqual(['DH', 'MC']);
    } finally {
      await store.close();
    }

    const intoPg = await tinnhiem(['restore', '--in', file], { DATABASE_URL: dbUrl });
    expect(intoPg.stderr).toBe('');
    expect(intoPg.code).toBe(0);
    const fromPg = join(dir, 'pg.tnbackup.gz');
    const again = await inProcess(['backup', '--database-url', dbUrl, '--out', fromPg]);
    expect(again.code).toBe(0);
    const back = await inProcess(['restore', '--in', fromPg, '--data', join(dir, 'dst2')]);
    expect(back.code).toBe(0);

    // Refusals: exit 2 and one `error [code]: message` line.
    const twice = await tinnhiem(['restore', '--in', file, '--data', join(dir, 'dst')]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/^error \[store_not_empty\]: the target store is not empty/);
    const pgTwice = await inProcess(['restore', '--in', file, '--database-url', dbUrl]);
    expect([pgTwice.code, /^error \[store_not_empty\]/.test(pgTwice.stderr)]).toEqual([2, true]);
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    const doctored = join(dir, 'doctored.gz');
    writeFileSync(doctored, gzipSync(text.replace('Thành ủy Móng Cái', 'Thành ủy Khác')));
    const bad = await tinnhiem(['restore', '--in', doctored, '--data', join(dir, 'dst3')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error \[backup_digest_mismatch\]: /);
    const missing = await inProcess(['restore', '--in', join(dir, 'none.gz'), '--data', dir]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error \[file_not_found\]: /);
  }, 240_000);
});
