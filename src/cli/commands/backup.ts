// `tinnhiem backup --out FILE`: a consistent copy of the whole store (SQLite or PostgreSQL) in the portable
// backup format, taken while the server may be running.

import { backupStore } from '../../store/index.js';
import { EXIT, type Command } from '../command.js';
import { describeStore, fileAndStoreFromArgs } from '../store-flags.js';

const USAGE = `Usage: tinnhiem backup --out FILE [--data DIR | --database-url URL]

Sao lưu toàn bộ kho dữ liệu (SQLite hoặc PostgreSQL) vào một tệp, kể cả khi máy chủ đang chạy: một ảnh
chụp nhất quán của mọi bảng, nén gzip, kèm phiên bản lược đồ và mã băm SHA-256 của nội dung. Tệp sao lưu
khôi phục được vào SQLite hoặc PostgreSQL bằng "tinnhiem restore". Không sao lưu phiên đăng nhập, mã cài
đặt và mã đăng nhập một lần của Ban kiểm phiếu (sau khi khôi phục, mọi người đăng nhập lại).
Backs up the whole store to FILE while the server may be running: one consistent snapshot of every
table (gzip JSON lines, with the schema version and a SHA-256 digest of the content). It restores into
SQLite or PostgreSQL with "tinnhiem restore". Sessions, the setup token and committee members' one-time
sign-in codes are not carried (they are credentials; after a restore people sign in again).

  --out FILE            the backup file to write (replaced if it exists; written whole or not at all)
  --data DIR            SQLite data folder (default: TINNHIEM_DATA, else ./data)
  --database-url URL    PostgreSQL instead of SQLite (default: DATABASE_URL)

Exit status: 0 written; 1 the store could not be read; 2 bad usage.
`;

/** The `backup` subcommand. */
export const backupCommand: Command = {
  usage: USAGE,
  run: async (argv, io) => {
    const args = fileAndStoreFromArgs(argv, io, 'out', USAGE);
    if (typeof args === 'number') return args;
    const { file, config } = args;
    const result = await backupStore(config, file);
    if (!result.ok) {
      io.stderr(`error [${result.error.code}]: ${result.error.message}\n`);
      return EXIT.failed;
    }
    const s = result.value;
    const tables = Object.values(s.tables).filter((n) => n > 0).length;
    io.stdout(
      [
        `Đã sao lưu / backed up ${describeStore(config)}:`,
        `  ${s.rows} dòng / rows in ${tables} bảng có dữ liệu / tables with rows (${Object.keys(s.tables).length} bảng / tables)`,
        `  lược đồ / schema ${s.migrations.at(-1) ?? '-'}; ${s.tables['audit_log'] ?? 0} mục nhật ký / audit entries`,
        `  → ${s.file} (${s.bytes} bytes)`,
        '',
      ].join('\n'),
    );
    return EXIT.ok;
  },
};
