// The portable backup file: gzip JSON lines (a header, per table its columns and row arrays, a digest trailer).

/** The `format` field of every backup header. */
export const BACKUP_FORMAT = 'tinnhiem-backup';

/** The version of the file layout this code writes and reads. */
export const BACKUP_VERSION = 1;

/** First line: what wrote the file and which migrations its rows belong to. */
export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: number;
  readonly createdAt: string;
  /** The database it came from; a backup restores into either. */
  readonly source: 'sqlite' | 'postgres';
  /** Names of the migrations the source had run, in order (the schema version). */
  readonly migrations: readonly string[];
}

/** Opens a table: the rows that follow are arrays in this column order. */
export interface BackupTableLine {
  readonly table: string;
  readonly columns: readonly string[];
}

/** Last line: rows per table and the SHA-256 (hex) of every byte before this line. */
export interface BackupTrailer {
  readonly end: true;
  readonly tables: Readonly<Record<string, number>>;
  readonly sha256: string;
}

/**
 * What a backup leaves out, and why: sign-in sessions and the setup token are bearer credentials of the
 * running server (a copy of the file must not let anyone in; after a restore people sign in again), and a
 * committee member's one-time sign-in code is one too (the organiser issues a new one).
 */
export const NOT_CARRIED = {
  tables: ['sessions'] as readonly string[],
  /** Columns written as null. */
  columns: {
    committee_members: ['login_code_digest', 'login_code_expires_at'],
  } as Readonly<Record<string, readonly string[]>>,
  /** Rows of `settings` left out, by key. */
  settingKeys: ['server.setup-token-digest'] as readonly string[],
} as const;

/** Tables of the migrator itself: their content is the header's `migrations`. */
export const MIGRATOR_TABLES: readonly string[] = ['tinnhiem_migration', 'tinnhiem_migration_lock'];

/** A column value as JSON: bytes (blob / bytea) become `{ "base64": … }`. */
export function encodeValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return { base64: Buffer.from(value).toString('base64') };
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** The inverse of encodeValue: `{ "base64": … }` becomes a Buffer. */
export function decodeValue(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const b64 = (value as { base64?: unknown }).base64;
    if (typeof b64 === 'string') return Buffer.from(b64, 'base64');
  }
  return value;
}

/** Whether a parsed first line is a header this code can read. */
export function isBackupHeader(value: unknown): value is BackupHeader {
  const v = value as Partial<BackupHeader> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.format === BACKUP_FORMAT &&
    typeof v.version === 'number' &&
    Array.isArray(v.migrations) &&
    v.migrations.every((m) => typeof m === 'string')
  );
}

/** Whether a parsed line is the trailer. */
export function isBackupTrailer(value: unknown): value is BackupTrailer {
  const v = value as Partial<BackupTrailer> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.end === true &&
    typeof v.sha256 === 'string' &&
    typeof v.tables === 'object'
  );
}

/** Whether a parsed line opens a table. */
export function isTableLine(value: unknown): value is BackupTableLine {
  const v = value as Partial<BackupTableLine> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    typeof v.table === 'string' &&
    Array.isArray(v.columns)
  );
}
