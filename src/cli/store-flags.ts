// The store a data command works on: `--data DIR` or `--database-url URL`, else DATABASE_URL, else
// TINNHIEM_DATA, else ./data (the same choice `serve` makes).

import { resolve } from 'node:path';
import type { BackupStoreConfig } from '../store/index.js';
import type { CliIo } from './command.js';

/** Options of parseArgs for the store flags. */
export const STORE_FLAG_OPTIONS = {
  data: { type: 'string' },
  'database-url': { type: 'string' },
} as const;

/** Resolves the store from the flags and the environment; null when both flags are given. */
export function storeFromFlags(
  flags: { data?: string | undefined; 'database-url'?: string | undefined },
  io: CliIo,
): BackupStoreConfig | null {
  if (flags.data !== undefined && flags['database-url'] !== undefined) return null;
  const databaseUrl =
    flags['database-url'] ?? (flags.data === undefined ? io.env['DATABASE_URL'] : undefined);
  return databaseUrl
    ? { kind: 'postgres', databaseUrl }
    : { kind: 'sqlite', dataDir: resolve(io.cwd, flags.data ?? io.env['TINNHIEM_DATA'] ?? 'data') };
}

/** How the store is named in messages (never the URL: it may hold a password). */
export function describeStore(config: BackupStoreConfig): string {
  return config.kind === 'sqlite' ? `SQLite ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
}
