// Reading a backup file: its lines one by one (gunzip + readline), and the check of its header, structure,
// row counts and digest before anything is restored.

import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Failure, Result } from '../../rules/index.js';
import {
  BACKUP_VERSION,
  isBackupHeader,
  isBackupTrailer,
  isTableLine,
  type BackupHeader,
  type BackupTrailer,
} from './backup-format.js';

/** Why a backup file cannot be restored. */
export type BackupFileFailure = Failure<
  'file_not_found' | 'backup_invalid' | 'backup_version_unsupported' | 'backup_digest_mismatch'
>;

/** What the check found: the header and the trailer. */
export interface CheckedBackup {
  readonly header: BackupHeader;
  readonly trailer: BackupTrailer;
}

/** The raw text lines of a backup file (without their newline), decompressed as they are read. */
export async function* backupLines(path: string): AsyncGenerator<string> {
  const input = createReadStream(path).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) yield line;
  } finally {
    lines.close();
    input.destroy();
  }
}

/**
 * Reads the whole file once: a header of this format and version, table lines and row arrays of their
 * width, a trailer whose row counts match, and a SHA-256 of everything before the trailer equal to the
 * trailer's. Nothing is written anywhere.
 */
export async function checkBackupFile(
  path: string,
): Promise<Result<CheckedBackup, BackupFileFailure>> {
  if (!existsSync(path)) return fail('file_not_found', `backup file not found: ${path}`);
  const digest = createHash('sha256');
  let header: BackupHeader | null = null;
  let pending: string | null = null;
  let width = -1;
  let table = '';
  const counts: Record<string, number> = {};
  let n = 0;
  try {
    for await (const line of backupLines(path)) {
      n++;
      if (pending !== null) {
        digest.update(`${pending}\n`, 'utf8');
        const value = JSON.parse(pending) as unknown;
        if (header === null) {
          if (!isBackupHeader(value))
            return fail('backup_invalid', 'line 1 is not a tinnhiem backup header');
          if (value.version !== BACKUP_VERSION)
            return fail(
              'backup_version_unsupported',
              `backup format version ${value.version}; this program reads version ${BACKUP_VERSION}`,
            );
          header = value;
        } else if (Array.isArray(value)) {
          if (width < 0 || value.length !== width)
            return fail(
              'backup_invalid',
              `line ${n - 1}: a row outside a table or of the wrong width`,
            );
          counts[table] = (counts[table] ?? 0) + 1;
        } else if (isTableLine(value)) {
          table = value.table;
          width = value.columns.length;
          counts[table] ??= 0;
        } else {
          return fail('backup_invalid', `line ${n - 1}: neither a table nor a row`);
        }
      }
      pending = line;
    }
  } catch (error) {
    return fail('backup_invalid', `not a readable backup (gzip JSON lines): ${String(error)}`);
  }
  let trailer: unknown;
  try {
    trailer = pending === null ? null : JSON.parse(pending);
  } catch {
    trailer = null;
  }
  if (header === null || !isBackupTrailer(trailer))
    return fail('backup_invalid', 'the backup is cut short: no header or no final line');
  for (const name of Object.keys({ ...counts, ...trailer.tables })) {
    if ((counts[name] ?? -1) !== trailer.tables[name])
      return fail(
        'backup_invalid',
        `table ${name}: ${counts[name] ?? 0} rows in the file, ${trailer.tables[name] ?? 0} announced`,
      );
  }
  const actual = digest.digest('hex');
  if (actual !== trailer.sha256)
    return fail(
      'backup_digest_mismatch',
      `the content does not match its digest (sha256 ${actual.slice(0, 16)}…, expected ${trailer.sha256.slice(0, 16)}…): the file was changed or damaged`,
    );
  return { ok: true, value: { header, trailer } };
}

function fail(
  code: BackupFileFailure['code'],
  message: string,
): { ok: false; error: BackupFileFailure } {
  return { ok: false, error: { code, message } };
}
