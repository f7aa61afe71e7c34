// The real app over an existing store location (a restored store, or one a benchmark sets up before it
// starts the server process), with a settable clock, shaped like the harness's TestApp.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemRandom } from '../../src/crypto/random.js';
import { createApp } from '../../src/server/app.js';
import { parseConfig } from '../../src/server/config.js';
import { openStore, type BackupStoreConfig } from '../../src/store/index.js';
import type { TestApp } from './harness.js';

/** Opens the store at `config` (migrating it) and builds the app on it; the clock starts at `now`. */
export async function openAppOn(
  config: BackupStoreConfig,
  now: string | (() => string),
  env: Record<string, string> = {},
): Promise<TestApp> {
  let current = typeof now === 'string' ? now : null;
  const clock = {
    now: () => current ?? (now as () => string)(),
    set: (iso: string) => void (current = iso),
  };
  const store = await openStore({ ...config, clock });
  const dir = mkdtempSync(join(tmpdir(), 'tn-app-on-'));
  const parsed = parseConfig({ TINNHIEM_LOG: 'info', ...env }, dir);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const errors: string[] = [];
  const logs: string[] = [];
  const built = createApp({
    store,
    clock,
    random: systemRandom,
    config: parsed.value,
    logger: { info: (l) => logs.push(l), error: (l) => errors.push(l) },
    webRoot: join(dir, 'no-web'),
  });
  return {
    ...built,
    store,
    clock,
    errors,
    logs,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
