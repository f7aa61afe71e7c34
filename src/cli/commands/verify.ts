// `tinnhiem verify RECORD`: re-checks a public election record and prints the named checks (spec §12).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Check, verifyRecord } from '../../core/election-record/index.js';
import { EXIT, type CliIo, type Command } from '../command.js';
import { renderTable } from '../text-table.js';
import { defaultWorkers, verifyBallotsInWorkers } from '../verify-workers.js';

const USAGE = `Usage: tinnhiem verify RECORD [--json] [--workers N] [--quiet]

Re-checks an election record (spec/protocol.md §12): key generation and its proofs, the credential
list, every ballot's signature and proofs, the replacement rule, the encrypted totals, the trustees'
decryption proofs and the result, and the hash chain of events.

  RECORD         the record file (JSON, "tinnhiem-record/1"), e.g. written by tinnhiem simulate
  --json         print the checks as JSON: { "ok": bool, "checks": [{ check, ok, detail }] }
  --workers N    worker threads for ballots (default: one per core; 0 = this thread only)
  --quiet        no progress bar on stderr

Exit status: 0 every check passed; 1 a check failed; 2 unreadable input or bad usage.
`;

/** The `verify` subcommand. */
export const verifyCommand: Command = {
  usage: USAGE,
  run: async (argv, io) => {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...argv],
        allowPositionals: true,
        options: {
          json: { type: 'boolean', default: false },
          workers: { type: 'string' },
          quiet: { type: 'boolean', default: false },
        },
      });
    } catch (e) {
      return usage(io, (e as Error).message);
    }
    const [file, ...extra] = parsed.positionals;
    if (!file || extra.length) return usage(io, 'expected exactly one RECORD file');
    const workers =
      parsed.values.workers === undefined ? defaultWorkers() : Number(parsed.values.workers);
    if (!Number.isInteger(workers) || workers < 0)
      return usage(io, '--workers expects a whole number ≥ 0');

    const path = resolve(io.cwd, file);
    let record: unknown;
    try {
      record = JSON.parse(await readFile(path, 'utf8'));
    } catch (e) {
      const reason =
        (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (e as Error).message;
      io.stderr(`error [record_unreadable]: cannot read ${path}: ${reason}\n`);
      return EXIT.usage;
    }

    const bar = progressBar(io, !parsed.values.quiet);
    const started = Date.now();
    const checks = await verifyRecord(record, {
      onProgress: bar.update,
      ...(workers > 0
        ? { verifyBallots: (input, p) => verifyBallotsInWorkers(input, p, workers) }
        : {}),
    });
    bar.done();
    const ok = checks.every((c) => c.ok);
    if (parsed.values.json) io.stdout(`${JSON.stringify({ ok, checks }, null, 2)}\n`);
    else io.stdout(report(checks, ok, Date.now() - started));
    return ok ? EXIT.ok : EXIT.failed;
  },
};

function usage(io: CliIo, message: string): number {
  io.stderr(`error [bad_usage]: ${message}\n${USAGE}`);
  return EXIT.usage;
}

function report(checks: readonly Check[], ok: boolean, ms: number): string {
  const table = renderTable(
    ['check', 'ok', 'detail'],
    checks.map((c) => [c.check, c.ok ? '✓' : '✗', c.detail]),
  );
  const failed = checks.filter((c) => !c.ok).length;
  const verdict = ok
    ? `Hồ sơ hợp lệ / record valid: ${checks.length} checks passed`
    : `Hồ sơ KHÔNG hợp lệ / record INVALID: ${failed} of ${checks.length} checks failed`;
  return `${table}\n\n${verdict} (${(ms / 1000).toFixed(1)} s)\n`;
}

/** A progress bar on stderr for the ballot phase, redrawn at most 5 times a second. */
function progressBar(io: CliIo, enabled: boolean) {
  let last = 0;
  let shown = false;
  return {
    update: (phase: string, done: number, total: number) => {
      if (!enabled || total < 50) return;
      const now = Date.now();
      if (done < total && now - last < 200) return;
      last = now;
      const width = 30;
      const filled = Math.round((done / total) * width);
      io.stderr(`\r${phase} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
      shown = true;
    },
    done: () => {
      if (shown) io.stderr('\n');
    },
  };
}
