// The real server as a child process: `node bin/tinnhiem.js serve` when dist/ is built from the current
// sources, else the same CLI from source through tsx (a checkout being edited); on a port the OS picks.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root. */
export const ROOT = join(import.meta.dirname, '..', '..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = statSync(path);
    newest = Math.max(newest, s.isDirectory() ? newestMtime(path) : s.mtimeMs);
  }
  return newest;
}

/** The command that runs `tinnhiem`, and which form it is. */
export function tinnhiemCommand(): { args: string[]; form: 'bin' | 'source' } {
  const built = join(ROOT, 'dist', 'cli', 'main.js');
  const forced = process.env.TINNHIEM_CRASH_ENTRY;
  const fresh = existsSync(built) && statSync(built).mtimeMs >= newestMtime(join(ROOT, 'src')) - 1;
  if (forced === 'bin' || (forced !== 'source' && fresh))
    return { args: [join(ROOT, 'bin', 'tinnhiem.js')], form: 'bin' };
  return {
    args: ['--import', 'tsx', join(ROOT, 'test', 'server', 'serve-entry.ts')],
    form: 'source',
  };
}

/** A started server. */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process has gone. */
  readonly exited: Promise<number | string>;
}

/** Starts `tinnhiem serve --port 0` with `env` and waits until it prints its URL. */
export async function startServerProcess(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<ServerProcess> {
  const { args } = tinnhiemCommand();
  const child = spawn(process.execPath, [...args, 'serve', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '', PUBLIC_URL: '', TINNHIEM_LOG: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const deadline = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in ${timeoutMs} ms; output:\n${out}`));
    }, timeoutMs);
    const check = () => {
      const m = /(http:\/\/localhost:\d+)\/ /.exec(out);
      if (m) {
        clearTimeout(deadline);
        resolve(m[1]!);
      } else if (child.exitCode !== null) {
        clearTimeout(deadline);
        reject(new Error(`server exited ${child.exitCode}; output:\n${out}`));
      } else setTimeout(check, 20);
    };
    check();
  });
  return { child, url, output: () => out, exited };
}
