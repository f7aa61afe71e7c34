// The crash test of one database, shared by the SQLite and PostgreSQL files (they run in parallel): paper
// ballot entry (two members, idempotent saves), electronic ballots (group commit, ADR 0006) and, as a
// plain preparation write, participants.

import { expect, it } from 'vitest';
import { describeReport, runCrashTest } from './crash-run.js';
import { electronicBallotWorkload } from './electronic-workload.js';
import { ballotEntryWorkload, participantWorkload, type Workload } from './workloads.js';

const KILLS = Number(process.env.TINNHIEM_CRASH_KILLS ?? 10);
const SEED =
  process.env.TINNHIEM_CRASH_SEED === undefined
    ? undefined
    : Number(process.env.TINNHIEM_CRASH_SEED);

/**
 * Registers the crash tests of `db`: ballot entry gets the kills; in the long form (20 kills or more)
 * participants get a fifth as many too (each restart costs a server start, so the CI form keeps to one).
 */
export function crashSuite(db: 'sqlite' | 'postgres'): void {
  const cases: [string, () => Workload, number][] = [
    ['ballot entries', () => ballotEntryWorkload(), KILLS],
    ['electronic ballots', () => electronicBallotWorkload(), KILLS],
  ];
  if (KILLS >= 20) cases.push(['participants', () => participantWorkload(), Math.round(KILLS / 5)]);
  for (const [what, workload, kills] of cases) {
    it(
      `${kills} SIGKILLs while ${what} are written: nothing acknowledged is lost or doubled`,
      async () => {
        const report = await runCrashTest({
          db,
          kills,
          workload: workload(),
          ...(SEED === undefined ? {} : { seed: SEED }),
        });
        console.log(describeReport(report));
        expect(report.problems).toEqual([]);
        expect(report.acknowledged).toBeGreaterThanOrEqual(kills);
      },
      kills * 30_000 + 60_000,
    );
  }
}
