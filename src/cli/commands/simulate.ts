// `tinnhiem simulate`: writes the complete record of a random election, deterministic from a seed.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { simulateElection } from '../../core/election-record/index.js';
import { defaultThreshold, seededRandom } from '../../crypto/index.js';
import { EXIT, type CliIo, type Command } from '../command.js';
import { runBallotJobsInWorkers } from '../simulate-workers.js';
import { defaultWorkers } from '../worker-pool.js';

const USAGE = `Usage: tinnhiem simulate --voters N --persons M --trustees n [--threshold t] --seed S --out DIR
                         [--revotes K] [--audits K] [--bad-dealer I]

Simulates a whole confidence vote with encrypted ballots (spec/protocol.md) and writes DIR/record.json.
The same seed gives the same record. For tests, benchmarks and demonstrations only: the seeded
randomness must never be used for a real election.

  --voters N       voters, each with a credential (1 ≤ N < 2^17)
  --persons M      persons voted on (a second ballot style covers the first half of them)
  --trustees n     counting committee members holding key shares
  --threshold t    members needed to decrypt (default ⌊n/2⌋ + 1)
  --seed S         any text
  --out DIR        output directory (created if missing)
  --revotes K      ballots replaced by a later one (default ⌊N/20⌋)
  --audits K       ballots opened for a Benaloh audit (default 1)
  --bad-dealer I   trustee I deals a bad share, draws a complaint and is disqualified
  --workers N      threads producing ballots (default: one per core; the record does not depend on it)

Exit status: 0 written; 2 bad usage.
`;

/** The `simulate` subcommand. */
export const simulateCommand: Command = {
  usage: USAGE,
  run: async (argv, io) => {
    let values;
    try {
      values = parseArgs({
        args: [...argv],
        options: {
          voters: { type: 'string' },
          persons: { type: 'string' },
          trustees: { type: 'string' },
          threshold: { type: 'string' },
          seed: { type: 'string' },
          out: { type: 'string' },
          revotes: { type: 'string' },
          audits: { type: 'string' },
          'bad-dealer': { type: 'string' },
          workers: { type: 'string' },
        },
      }).values;
    } catch (e) {
      return usage(io, (e as Error).message);
    }
    const int = (
      name: string,
      v: string | undefined,
      min: number,
      max: number,
    ): number | string => {
      if (v === undefined) return `--${name} is required`;
      const x = Number(v);
      return Number.isInteger(x) && x >= min && x <= max
        ? x
        : `--${name} expects a whole number in ${min}..${max}`;
    };
    const voters = int('voters', values.voters, 1, 2 ** 17 - 1);
    const persons = int('persons', values.persons, 1, 10_000);
    const trustees = int('trustees', values.trustees, 1, 1000);
    if (typeof voters === 'string') return usage(io, voters);
    if (typeof persons === 'string') return usage(io, persons);
    if (typeof trustees === 'string') return usage(io, trustees);
    const threshold = int(
      'threshold',
      values.threshold ?? String(defaultThreshold(trustees)),
      1,
      trustees,
    );
    if (typeof threshold === 'string') return usage(io, threshold);
    const optional = (name: string, v: string | undefined, max: number) =>
      v === undefined ? undefined : int(name, v, 0, max);
    const revotes = optional('revotes', values.revotes, voters);
    const audits = optional('audits', values.audits, voters);
    const badDealer = optional('bad-dealer', values['bad-dealer'], trustees);
    for (const x of [revotes, audits, badDealer]) if (typeof x === 'string') return usage(io, x);
    if (badDealer === 0) return usage(io, '--bad-dealer expects a trustee number 1..n');
    if (badDealer !== undefined && trustees - 1 < threshold) {
      return usage(io, '--bad-dealer needs trustees − 1 ≥ threshold');
    }
    const workers = int('workers', values.workers ?? String(defaultWorkers()), 0, 256);
    if (typeof workers === 'string') return usage(io, workers);
    if (values.seed === undefined) return usage(io, '--seed is required');
    if (values.out === undefined) return usage(io, '--out is required');

    const started = Date.now();
    let lastShown = 0;
    const record = await simulateElection({
      voters,
      persons,
      trustees,
      threshold,
      random: seededRandom(`tinnhiem-simulate:${values.seed}`),
      ...(revotes !== undefined ? { revotes: revotes as number } : {}),
      ...(audits !== undefined ? { audits: audits as number } : {}),
      ...(badDealer !== undefined ? { badDealer: badDealer as number } : {}),
      ...(workers > 1
        ? { runJobs: (c, jobs, p) => runBallotJobsInWorkers(c, jobs, p, workers) }
        : {}),
      onProgress: (phase, done, total) => {
        const now = Date.now();
        if (phase !== 'ballots' || total < 50 || (done < total && now - lastShown < 500)) return;
        lastShown = now;
        io.stderr(`\rballots ${done}/${total}${done === total ? '\n' : ''}`);
      },
    });
    const dir = resolve(io.cwd, values.out);
    await mkdir(dir, { recursive: true });
    const file = join(dir, 'record.json');
    const text = JSON.stringify(record);
    await writeFile(file, text);
    const head = record.events[record.events.length - 1]!.hash;
    io.stdout(
      `${file}\n  ${record.events.length} events, ${(text.length / 1e6).toFixed(1)} MB, head ${head}\n` +
        `  ${voters} voters × ${persons} persons, ${threshold} of ${trustees} trustees, ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    return EXIT.ok;
  },
};

function usage(io: CliIo, message: string): number {
  io.stderr(`error [bad_usage]: ${message}\n${USAGE}`);
  return EXIT.usage;
}
