// A pool of worker threads running src/cli/ballot-worker (Node only; src/crypto stays portable).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * Young generation of each worker: verification allocates BigInt temporaries by the million; a large
 * nursery halved the time spent in garbage collection (3.1 s → 1.6 s per worker on 481 × 44).
 */
const YOUNG_GENERATION_MB = 256;

/**
 * Starts the worker script next to this file: ballot-worker.js once built; under tsx (tests,
 * development) the .ts file, through a bootstrap that registers tsx in the worker first (Node 20
 * loads a worker's entry before `--import` hooks apply).
 */
function startWorker(): Worker {
  const options = { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } };
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./ballot-worker.js', import.meta.url), options);
  }
  const entry = new URL('./ballot-worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/** Default number of workers: one per core. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** Workers kept between calls (the bench and tests run many tasks in one process). */
const pool: Worker[] = [];

/** A message to the worker: a task name and its input (see ballot-worker.ts). */
export interface WorkerTask {
  task: 'verify' | 'cast';
  input: unknown;
}

/**
 * Runs one task per worker, in parallel, and returns their results in order. `onProgress(k, done)`
 * reports the progress messages of task k. Workers stay referenced only while they work.
 */
export async function runOnWorkers<T>(
  tasks: readonly WorkerTask[],
  onProgress: (k: number, done: number) => void,
): Promise<T[]> {
  while (pool.length < tasks.length) pool.push(startWorker());
  const workers = pool.slice(0, tasks.length);
  for (const w of workers) w.ref();
  try {
    return await Promise.all(
      tasks.map(
        (task, k) =>
          new Promise<T>((resolve, reject) => {
            const worker = workers[k]!;
            const onMessage = (msg: { progress?: number; result?: T; error?: string }) => {
              if (msg.progress !== undefined) onProgress(k, msg.progress);
              if (msg.result !== undefined || msg.error !== undefined) {
                worker.off('message', onMessage);
                worker.off('error', onError);
                if (msg.error !== undefined) reject(new Error(msg.error));
                else resolve(msg.result as T);
              }
            };
            const onError = (e: Error) => {
              const i = pool.indexOf(worker);
              if (i >= 0) pool.splice(i, 1);
              void worker.terminate();
              reject(e);
            };
            worker.on('message', onMessage);
            worker.once('error', onError);
            worker.postMessage(task);
          }),
      ),
    );
  } finally {
    for (const w of workers) w.unref();
  }
}
