// `tinnhiem demo`: loads the sample data of the five seed reports (dữ liệu mẫu) into the store, once.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDemo, openStore, StoreOpenError, type StoreConfig } from '../../store/index.js';
import { EXIT, type CliIo, type Command } from '../command.js';

const USAGE = `Usage: tinnhiem demo [--data DIR | --database-url URL]

Nạp dữ liệu mẫu từ năm bài báo (Đầm Hà, Lạng Sơn, Móng Cái, Sở Xây dựng, CĐ Y tế Đồng Nai): đơn vị,
kế hoạch, hội nghị, người được lấy phiếu (kèm các trường hợp không lấy phiếu và lý do), người được
triệu tập, ý kiến. Chỉ nạp một lần.
Loads the demo data of the five seed reports into the store, once; a second run changes nothing.

  --data DIR            SQLite data folder (default: TINNHIEM_DATA, else ./data)
  --database-url URL    PostgreSQL instead of SQLite (default: DATABASE_URL)

Exit status: 0 loaded or already loaded; 1 the store could not be opened or loaded; 2 bad usage.
`;

/** The `demo` subcommand. */
export const demoCommand: Command = {
  usage: USAGE,
  run: async (argv, io) => {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...argv],
        options: {
          data: { type: 'string' },
          'database-url': { type: 'string' },
        },
      });
    } catch (e) {
      return usage(io, (e as Error).message);
    }
    const { data, 'database-url': flagUrl } = parsed.values;
    if (data !== undefined && flagUrl !== undefined) {
      return usage(io, 'give either --data or --database-url, not both');
    }
    const databaseUrl = flagUrl ?? (data === undefined ? io.env['DATABASE_URL'] : undefined);
    const config: StoreConfig = databaseUrl
      ? { kind: 'postgres', databaseUrl }
      : { kind: 'sqlite', dataDir: resolve(io.cwd, data ?? io.env['TINNHIEM_DATA'] ?? 'data') };
    let store;
    try {
      store = await openStore(config);
    } catch (e) {
      if (e instanceof StoreOpenError) {
        io.stderr(`error [${e.code}]: ${e.message}\n`);
        return EXIT.failed;
      }
      throw e;
    }
    try {
      const result = await loadDemo(store);
      if (!result.ok) {
        if (result.error.code === 'demo_already_loaded') {
          io.stdout(`${result.error.message}\nKhông thay đổi gì / nothing changed.\n`);
          return EXIT.ok;
        }
        io.stderr(`error [${result.error.code}]: ${result.error.message}\n`);
        return EXIT.failed;
      }
      const s = result.value;
      io.stdout(
        [
          'Đã nạp dữ liệu mẫu / demo data loaded:',
          `  ${s.units} đơn vị / units, ${s.rounds} kế hoạch / rounds, ${s.conferences} hội nghị / conferences`,
          `  ${s.persons} cán bộ / persons, ${s.positions} chức vụ / positions`,
          `  ${s.subjects - s.excluded} người được lấy phiếu / persons voted on, ${s.excluded} không lấy phiếu / excluded`,
          `  ${s.participants} người được triệu tập / summoned, ${s.questions} ý kiến / comments`,
          `  ${config.kind === 'sqlite' ? config.dataDir : 'PostgreSQL'}`,
          '',
        ].join('\n'),
      );
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};

function usage(io: CliIo, message: string): number {
  io.stderr(`error [usage]: ${message}\n${USAGE}`);
  return EXIT.usage;
}
