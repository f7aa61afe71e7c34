// The store a data command works on: `--data DIR` or `--database-url URL`, else DATABASE_URL, else
// TINNHIEM_DATA, else ./data (the same choice `serve` makes).

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BackupStoreConfig } from '../store/index.js';
import { EXIT, type CliIo } from './command.js';

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

/**
 * Parses `--<fileFlag> FILE` and the store flags of a data command; on bad usage prints the error with
 * the command's usage text and gives the exit status instead.
 */
export function fileAndStoreFromArgs(
  argv: readonly string[],
  io: CliIo,
  fileFlag: 'in' | 'out',
  usageText: string,
): { file: string; config: BackupStoreConfig } | number {
  const usage = (message: string) => {
    io.stderr(`error [usage]: ${message}\n${usageText}`);
    return EXIT.usage;
  };
  let values;
  try {
    values = parseArgs({
      args: [...argv],
      options: { [fileFlag]: { type: 'string' }, ...STORE_FLAG_OPTIONS },
      strict: true,
    }).values;
  } catch (e) {
    return usage((e as Error).message);
  }
  const file = (values as Readonly<Record<string, unknown>>)[fileFlag];
  if (typeof file !== 'string') return usage(`--${fileFlag} FILE is required`);
  const config = storeFromFlags(values, io);
  if (config === null) return usage('give either --data or --database-url, not both');
  return { file: resolve(io.cwd, file), config };
}
