// `tinnhiem serve`: opens the store, runs its migrations, serves the API and the web app until SIGINT/SIGTERM.

import { parseArgs } from 'node:util';
import { parseConfig } from '../../server/config.js';
import { startServer } from '../../server/main.js';
import { EXIT, type Command } from '../command.js';

const USAGE = `Usage: tinnhiem serve [--port N] [--host ADDRESS]

Mở kho dữ liệu, chạy các bước nâng cấp (migrations), phục vụ API và giao diện web.
Opens the store (SQLite in TINNHIEM_DATA, or PostgreSQL when DATABASE_URL is set), runs its
migrations and serves the API under /api and the web app on http://localhost:3000.
On the first start it prints a one-time setup link that creates the first administrator.

  --port N         port (default PORT or 3000; 0 = any free port)
  --host ADDRESS   interface (default HOST or 127.0.0.1; 0.0.0.0 for the room's network)

Environment: PORT, HOST, TINNHIEM_DATA (default ./data), DATABASE_URL, PUBLIC_URL,
TINNHIEM_SESSION_MINUTES, TINNHIEM_SESSION_IDLE_MINUTES, TINNHIEM_MAX_JSON_BYTES, TINNHIEM_MAX_UPLOAD_BYTES, TINNHIEM_LOGIN_ATTEMPTS,
TINNHIEM_RATE_WINDOW_SECONDS, TINNHIEM_TRUST_PROXY, TINNHIEM_LOG (info|silent).
Stops cleanly on Ctrl+C (SIGINT) or SIGTERM.
`;

/** The `serve` subcommand. */
export const serveCommand: Command = {
  usage: USAGE,
  run: async (argv, io) => {
    let flags: { port?: string; host?: string };
    try {
      flags = parseArgs({
        args: [...argv],
        options: { port: { type: 'string' }, host: { type: 'string' } },
        strict: true,
      }).values;
    } catch (e) {
      io.stderr(`error [usage]: ${(e as Error).message}\n${USAGE}`);
      return EXIT.usage;
    }
    const env = { ...io.env };
    if (flags.port !== undefined) env.PORT = flags.port;
    if (flags.host !== undefined) env.HOST = flags.host;
    const config = parseConfig(env, io.cwd);
    if (!config.ok) {
      io.stderr(`error [${config.error.code}]: ${config.error.message}\n`);
      return EXIT.usage;
    }
    const started = await startServer(config.value, {
      out: (line) => io.stdout(`${line}\n`),
      err: (line) => io.stderr(`${line}\n`),
    });
    if (!started.ok) {
      io.stderr(`error [${started.error.code}]: ${started.error.message}\n`);
      return EXIT.failed;
    }
    const server = started.value;
    await new Promise<void>((resolve) => {
      const stop = (signal: NodeJS.Signals) => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        io.stdout(`Đang dừng máy chủ (${signal}) / stopping…\n`);
        server.close().then(resolve, (e: unknown) => {
          io.stderr(`error [shutdown]: ${(e as Error).message}\n`);
          resolve();
        });
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    io.stdout('Đã dừng / stopped.\n');
    return EXIT.ok;
  },
};
