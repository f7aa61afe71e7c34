// The shape of a `tinnhiem` subcommand: parses its own flags, writes through `io`, returns an exit code.

/** Where a command writes and reads; the real process in main.ts, a buffer in tests. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Directory relative paths are resolved from. */
  readonly cwd: string;
  /** Environment variables (config.ts parses them for the server). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Exit codes: 0 success, 1 a check failed, 2 bad input or usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A subcommand of `tinnhiem`. */
export interface Command {
  /** Full usage text for `tinnhiem NAME --help`. */
  readonly usage: string;
  readonly run: (argv: readonly string[], io: CliIo) => Promise<number>;
}
