// `tinnhiem restore --in FILE`: a backup into an empty store (SQLite or PostgreSQL), after checking its
// digest and schema version; the audit chain is verified before the restore is committed.

import { restoreStore } from '../../store/index.js';
import { EXIT, type Command } from '../command.js';
import { describeStore, fileAndStoreFromArgs } from '../store-flags.js';

const USAGE = `Usage: tinnhiem restore --in FILE [--data DIR | --database-url URL]

Khôi phục một tệp sao lưu vào kho dữ liệu trống (thư mục SQLite mới hoặc cơ sở dữ liệu PostgreSQL mới).
Kiểm tra mã băm và phiên bản lược đồ trước; từ chối kho đã có dữ liệu. Tất cả hoặc không gì cả: chuỗi
nhật ký kiểm toán phải kiểm tra đúng trước khi ghi. Dừng máy chủ trước khi khôi phục.
Restores a backup into an EMPTY store (a new SQLite folder or a new PostgreSQL database). The digest and
the schema version are checked first; a store that holds data is refused. All or nothing: the audit
hash chain must verify before the restore commits. Stop the server first.

  --in FILE             the backup file (from "tinnhiem backup")
  --data DIR            SQLite data folder (default: TINNHIEM_DATA, else ./data)
  --database-url URL    PostgreSQL instead of SQLite (default: DATABASE_URL)

Exit status: 0 restored; 1 the store could not be opened; 2 bad usage or a refused backup
(file_not_found, backup_invalid, backup_version_unsupported, backup_digest_mismatch,
backup_schema_mismatch, store_not_empty, backup_audit_chain_broken).
`;

/** Failures about the store itself (exit 1); every other refusal is about the input (exit 2). */
const STORE_FAILURES = new Set(['store_unavailable', 'store_locked', 'store_migration_failed']);

/** The `restore` subcommand. */
export const restoreCommand: Command = {
  usage: USAGE,
  run: async (argv, io) => {
    const args = fileAndStoreFromArgs(argv, io, 'in', USAGE);
    if (typeof args === 'number') return args;
    const { file, config } = args;
    const result = await restoreStore(config, file);
    if (!result.ok) {
      io.stderr(`error [${result.error.code}]: ${result.error.message}\n`);
      return STORE_FAILURES.has(result.error.code) ? EXIT.failed : EXIT.usage;
    }
    const s = result.value;
    io.stdout(
      [
        `Đã khôi phục / restored into ${describeStore(config)}:`,
        `  ${s.rows} dòng / rows from a backup of ${s.header.createdAt} (${s.header.source})`,
        `  lược đồ / schema ${s.header.migrations.at(-1) ?? '-'}`,
        `  chuỗi nhật ký kiểm toán đúng / audit chain verified: ${s.auditEntries} mục / entries`,
        '',
      ].join('\n'),
    );
    return EXIT.ok;
  },
};
