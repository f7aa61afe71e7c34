// Spreads ballot verification over worker threads (Node only; src/crypto stays portable).
import {
  type BallotChunkInput,
  type BallotChunkReport,
  verifyBallotChunk,
} from '../core/election-record/index.js';
import { elemFromHex, pointToHex, systemRandom } from '../crypto/index.js';
import { type WorkerTask, defaultWorkers, runOnWorkers } from './worker-pool.js';

export { defaultWorkers };

/** Below this many ballots per worker, threads cost more than they save. */
const MIN_BALLOTS_PER_WORKER = 100;

/** Verifies ballots on `workers` threads; merges the reports in ballot order. */
export async function verifyBallotsInWorkers(
  input: BallotChunkInput,
  onProgress: (done: number) => void,
  workers = defaultWorkers(),
  minPerWorker = MIN_BALLOTS_PER_WORKER,
): Promise<BallotChunkReport> {
  const n = input.events.length;
  // Starting a worker costs ~100 ms (more under tsx): small records are verified in this thread.
  const parts = Math.max(1, Math.min(workers, Math.floor(n / minPerWorker)));
  if (parts === 1) return verifyBallotChunk(input, systemRandom, onProgress);
  const size = Math.ceil(n / parts);
  const done = new Array<number>(parts).fill(0);
  const tasks: WorkerTask[] = [];
  const starts: number[] = [];
  for (let k = 0; k < parts; k++) {
    const from = k * size;
    const to = Math.min(n, from + size);
    starts.push(from);
    tasks.push({
      task: 'verify',
      input: {
        ...input,
        events: input.events.slice(from, to),
        accepted: input.accepted.slice(from, to),
      },
    });
  }
  const results = await runOnWorkers<BallotChunkReport>(tasks, (k, d) => {
    done[k] = d;
    onProgress(done.reduce((a, b) => a + b, 0));
  });
  const reports = results.map((report, k) => ({ from: starts[k]!, report }));
  const merged: BallotChunkReport = {
    malformed: [],
    badSignatures: [],
    badProofs: [],
    sums: [],
    eventHashes: [],
    digests: [],
  };
  const alpha = input.persons.map(() => elemFromHex('0'.repeat(64))!.point);
  const beta = [...alpha];
  for (const { from, report } of reports) {
    merged.malformed.push(...report.malformed.map((i) => i + from));
    merged.badSignatures.push(...report.badSignatures.map((i) => i + from));
    merged.badProofs.push(...report.badProofs.map((i) => i + from));
    merged.eventHashes.push(...report.eventHashes);
    merged.digests.push(...report.digests);
    report.sums.forEach((s, p) => {
      alpha[p] = alpha[p]!.add(elemFromHex(s.alpha)!.point);
      beta[p] = beta[p]!.add(elemFromHex(s.beta)!.point);
    });
  }
  merged.sums = input.persons.map((_, p) => ({
    alpha: pointToHex(alpha[p]!),
    beta: pointToHex(beta[p]!),
  }));
  return merged;
}
