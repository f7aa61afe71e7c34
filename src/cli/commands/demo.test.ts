import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/index.js';
import { main } from '../main.js';

const dir = mkdtempSync(join(tmpdir(), 'tinnhiem-demo-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: dir,
    env,
  });
  return { code, stdout, stderr };
}

describe('tinnhiem demo', () => {
  it('loads the demo into the data folder, then says it is already loaded', async () => {
    const first = await run(['demo', '--data', 'data']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Đã nạp dữ liệu mẫu');
    expect(first.stdout).toContain('2 không lấy phiếu / excluded');
    const second = await run(['demo'], { TINNHIEM_DATA: 'data' });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Dữ liệu mẫu đã được nạp');
    const store = await openStore({ kind: 'sqlite', dataDir: join(dir, 'data') });
    expect((await store.rounds.list()).length).toBe(5);
    await store.close();
  });

  it('reports a locked folder as store_locked', async () => {
    const store = await openStore({ kind: 'sqlite', dataDir: join(dir, 'data') });
    try {
      const locked = await run(['demo', '--data', 'data']);
      expect(locked.code).toBe(1);
      expect(locked.stderr).toContain('error [store_locked]');
    } finally {
      await store.close();
    }
  });

  it('refuses both --data and --database-url', async () => {
    expect((await run(['demo', '--data', 'x', '--database-url', 'postgres://x'])).code).toBe(2);
  });
});
