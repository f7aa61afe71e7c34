// Produces simulated ballots on worker threads; the record is the same as in one thread (spec §14).
import {
  type BallotJob,
  type BallotJobContext,
  type BallotJobResult,
  runBallotJob,
} from '../core/election-record/index.js';
import { type WorkerTask, defaultWorkers, runOnWorkers } from './worker-pool.js';

/** Below this many ballots per worker, threads cost more than they save. */
const MIN_JOBS_PER_WORKER = 25;

/** Runs the ballot jobs on `workers` threads (contiguous runs) and returns the results in job order. */
export async function runBallotJobsInWorkers(
  context: BallotJobContext,
  jobs: BallotJob[],
  onProgress: (done: number) => void,
  workers = defaultWorkers(),
  minPerWorker = MIN_JOBS_PER_WORKER,
): Promise<BallotJobResult[]> {
  const parts = Math.max(1, Math.min(workers, Math.floor(jobs.length / minPerWorker)));
  if (parts === 1) {
    return jobs.map((job, i) => {
      const r = runBallotJob(context, job);
      onProgress(i + 1);
      return r;
    });
  }
  const size = Math.ceil(jobs.length / parts);
  const tasks: WorkerTask[] = Array.from({ length: parts }, (_, k) => ({
    task: 'cast',
    input: { context, jobs: jobs.slice(k * size, (k + 1) * size) },
  }));
  const done = new Array<number>(parts).fill(0);
  const results = await runOnWorkers<BallotJobResult[]>(tasks, (k, d) => {
    done[k] = d;
    onProgress(done.reduce((a, b) => a + b, 0));
  });
  return results.flat();
}
