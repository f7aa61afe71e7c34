// Ballots produced on worker threads give the very same record as in one thread.
import { describe, expect, it } from 'vitest';
import { simulateElection } from '../core/election-record/index.js';
import { seededRandom } from '../crypto/index.js';
import { runBallotJobsInWorkers } from './simulate-workers.js';

describe('runBallotJobsInWorkers', () => {
  it('is deterministic: two threads or one, the same record', async () => {
    const options = { voters: 5, persons: 2, trustees: 2, threshold: 1, revotes: 1, audits: 1 };
    const alone = await simulateElection({ ...options, random: seededRandom('sim-workers') });
    const progress: number[] = [];
    const split = await simulateElection({
      ...options,
      random: seededRandom('sim-workers'),
      runJobs: (c, jobs, p) => runBallotJobsInWorkers(c, jobs, p, 2, 1),
      onProgress: (phase, done) => {
        if (phase === 'ballots') progress.push(done);
      },
    });
    expect(JSON.stringify(split)).toBe(JSON.stringify(alone));
    expect(progress[progress.length - 1]).toBe(7);
  }, 60_000);
});
