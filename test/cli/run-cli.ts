// Runs the `tinnhiem` CLI in-process with captured output, for tests.

import { main } from '../../src/cli/main.js';

/** What a CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `tinnhiem ...argv` from `cwd` and captures stdout, stderr and the exit code. */
export async function runCli(argv: readonly string[], cwd = process.cwd()): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd,
    env: {},
  });
  return { code, stdout, stderr };
}
