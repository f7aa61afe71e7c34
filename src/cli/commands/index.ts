// The registry of `tinnhiem` subcommands, in the order `--help` lists them. Each command's module is
// loaded only when it runs: `verify` need not load the document renderers (≈ 1 s at start-up).

import type { Command } from '../command.js';

/** A subcommand as --help lists it, with the module that implements it. */
export interface CommandEntry {
  readonly name: string;
  /** One line for `tinnhiem --help`. */
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

/** Every subcommand. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'serve',
    summary: 'Chạy máy chủ web và API / run the web server and API',
    load: async () => (await import('./serve.js')).serveCommand,
  },
  {
    name: 'tally',
    summary: 'Tính tỷ lệ và mức hệ quả từ số phiếu / percentages and bands from counts',
    load: async () => (await import('./tally.js')).tallyCommand,
  },
  {
    name: 'verify',
    summary: 'Kiểm tra hồ sơ bầu cử / verify an election record',
    load: async () => (await import('./verify.js')).verifyCommand,
  },
  {
    name: 'simulate',
    summary: 'Mô phỏng một cuộc bỏ phiếu mã hóa / simulate an encrypted vote and write its record',
    load: async () => (await import('./simulate.js')).simulateCommand,
  },
  {
    name: 'documents',
    summary: 'In phiếu, biên bản, báo cáo, tổng hợp / ballots, minutes, reports, aggregate',
    load: async () => (await import('./documents.js')).documentsCommand,
  },
  {
    name: 'demo',
    summary: 'Nạp dữ liệu mẫu / load the demo data',
    load: async () => (await import('./demo.js')).demoCommand,
  },
  {
    name: 'backup',
    summary: 'Sao lưu kho dữ liệu vào một tệp / back up the store to a file',
    load: async () => (await import('./backup.js')).backupCommand,
  },
  {
    name: 'restore',
    summary: 'Khôi phục tệp sao lưu vào kho trống / restore a backup into an empty store',
    load: async () => (await import('./restore.js')).restoreCommand,
  },
];
