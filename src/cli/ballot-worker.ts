// Worker thread of `tinnhiem verify` and `tinnhiem simulate`: verifies a run of ballots (spec §5.5) or
// produces a run of simulated ballots, and reports back.
import { parentPort } from 'node:worker_threads';
import {
  type BallotChunkInput,
  type BallotJob,
  type BallotJobContext,
  runBallotJob,
  verifyBallotChunk,
} from '../core/election-record/index.js';
import { systemRandom } from '../crypto/index.js';
import type { WorkerTask } from './worker-pool.js';

parentPort?.on('message', ({ task, input }: WorkerTask) => {
  const progress = (done: number) => parentPort?.postMessage({ progress: done });
  try {
    if (task === 'verify') {
      parentPort?.postMessage({
        result: verifyBallotChunk(input as BallotChunkInput, systemRandom, progress),
      });
    } else {
      const { context, jobs } = input as { context: BallotJobContext; jobs: BallotJob[] };
      const result = jobs.map((job, i) => {
        const r = runBallotJob(context, job);
        if ((i + 1) % 4 === 0 || i + 1 === jobs.length) progress(i + 1);
        return r;
      });
      parentPort?.postMessage({ result });
    }
  } catch (e) {
    parentPort?.postMessage({ error: (e as Error).message });
  }
});
