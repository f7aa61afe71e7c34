// Checks batches of cast ballots on worker threads, so that the main thread keeps to HTTP and the
// store (ADR 0006); with no worker, in this thread. src/crypto and src/core stay free of node:*.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  type BallotAcceptance,
  type BallotGate,
  type BallotRefusal,
  checkBallots,
} from '../../core/election-record/index.js';
import type { RecordEvent } from '../../core/election-record/record-types.js';
import { type Ballot, type RandomSource, type Result, systemRandom } from '../../crypto/index.js';

/** The gate of one election: its key (election and credentials hash), the gate, and its events. */
export interface GateHandle {
  readonly key: string;
  readonly gate: BallotGate;
  /** The manifest, election_key and credentials events, from which a worker rebuilds the gate. */
  readonly events: readonly Pick<RecordEvent, 'type' | 'body'>[];
}

/** The answer for one ballot of a batch. */
export type BallotCheck = Result<BallotAcceptance, BallotRefusal>;

/** Ballots of one election, checked against its gate. */
export interface CheckGroup {
  readonly gate: GateHandle;
  readonly ballots: readonly Ballot[];
}

/**
 * Checks tasks of ballots, each task holding the batches of one or more elections (answered per
 * group, in order); `parallelism` tasks may be in its hands at once.
 */
export interface BallotChecker {
  readonly parallelism: number;
  check(groups: readonly CheckGroup[]): Promise<BallotCheck[][]>;
  /** Starts the workers now (when voting opens) and resolves once each one answers. */
  warm(): Promise<void>;
}

/** One election's batch in a task, with the gate's events when this worker has not seen the key. */
export interface BallotCheckGroup {
  gateKey: string;
  gateEvents?: readonly Pick<RecordEvent, 'type' | 'body'>[];
  ballots: readonly Ballot[];
}

/** A message to a worker: the batches (none for a ping), and the gates it drops first. */
export interface BallotCheckTask {
  id: number;
  groups: readonly BallotCheckGroup[];
  /** The main thread decides what each worker keeps. */
  forget?: readonly string[];
}

/**
 * Gates kept per worker. The main thread owns the choice (least recently used goes) and tells the
 * worker, so both always agree on what the worker holds: a worker that dropped a gate on its own
 * would make every later batch of that election fall back to the main thread.
 */
export const MAX_WORKER_GATES = 64;

/** A worker's answer to one task. */
export type BallotCheckReply =
  | { id: number; results: BallotCheck[][]; error?: undefined }
  | { id: number; error: string; results?: undefined };

/** Checks in the calling thread (tests, or a machine with one core). */
export function inlineBallotChecker(random: RandomSource): BallotChecker {
  return {
    parallelism: 1,
    check: (groups) => Promise.resolve(checkHere(groups, random)),
    warm: () => Promise.resolve(),
  };
}

/** The checks of every group in the calling thread. */
const checkHere = (groups: readonly CheckGroup[], random: RandomSource): BallotCheck[][] =>
  groups.map((g) => checkBallots(g.gate.gate, g.ballots, random));

/**
 * Young generation of each worker: the checks allocate BigInt temporaries by the million, and a
 * larger nursery spends less time collecting them (ADR 0003 measured the same for the verifier).
 */
const YOUNG_GENERATION_MB = 256;

/**
 * Batches handed to each worker at once: the next one waits in its port while the main thread, busy
 * with HTTP and the store, has not yet taken the last answer, so a worker does not idle meanwhile
 * (bench:load measured the workers 70 % idle with one, while ballots queued for them).
 */
const TASKS_PER_WORKER = 2;

/** One worker with the gate keys it holds (least recently used first) and its tasks in flight. */
interface Slot {
  worker: Worker;
  gates: Set<string>;
  waiting: Map<number, { resolve: (r: BallotCheck[][]) => void; reject: (e: Error) => void }>;
  /** The answer to its first ping: every booth that opens warms the checker, and pings once. */
  ready?: Promise<void>;
}

/**
 * Starts the worker script next to this file: ballot-check-worker.js once built; under tsx (tests,
 * development) the .ts file, through a bootstrap that registers tsx in the worker first.
 */
function startWorker(): Worker {
  const options = { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } };
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./ballot-check-worker.js', import.meta.url), options);
  }
  const entry = new URL('./ballot-check-worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/**
 * Checks on `workers` threads (default: one per core), started on the first batch and left
 * unreferenced while idle so they never keep the process alive. A worker that dies is replaced and
 * its batches are checked in this thread, so a ballot is never lost to a crashed thread. Each worker
 * keeps the gates of `gatesPerWorker` elections, the least recently used going first.
 */
export function workerBallotChecker(
  random: RandomSource,
  workers = Math.max(1, availableParallelism()),
  gatesPerWorker = MAX_WORKER_GATES,
): BallotChecker {
  const slots: (Slot | undefined)[] = new Array<Slot | undefined>(workers).fill(undefined);
  let nextId = 0;
  let turn = 0;
  const open = (k: number): Slot => {
    const existing = slots[k];
    if (existing) return existing;
    const slot: Slot = { worker: startWorker(), gates: new Set(), waiting: new Map() };
    slot.worker.unref();
    slot.worker.on('message', (reply: BallotCheckReply) => {
      const w = slot.waiting.get(reply.id);
      if (!w) return;
      slot.waiting.delete(reply.id);
      if (slot.waiting.size === 0) slot.worker.unref();
      if (reply.error !== undefined) w.reject(new Error(reply.error));
      else w.resolve(reply.results);
    });
    const lost = (e: Error) => {
      if (slots[k] === slot) slots[k] = undefined;
      for (const w of slot.waiting.values()) w.reject(e);
      slot.waiting.clear();
      void slot.worker.terminate();
    };
    slot.worker.once('error', lost);
    slot.worker.once('exit', (code) => lost(new Error(`ballot-check-worker exited (${code})`)));
    slots[k] = slot;
    return slot;
  };
  // the slot with the fewest tasks in flight, in turn among equals
  const pick = (): Slot => {
    let best = -1;
    for (let i = 0; i < workers; i++) {
      const k = (turn + i) % workers;
      const load = slots[k]?.waiting.size ?? 0;
      if (best < 0 || load < (slots[best]?.waiting.size ?? 0)) best = k;
    }
    turn = (best + 1) % workers;
    return open(best);
  };
  const send = (slot: Slot, task: BallotCheckTask) =>
    new Promise<BallotCheck[][]>((resolve, reject) => {
      slot.waiting.set(task.id, { resolve, reject });
      slot.worker.ref();
      slot.worker.postMessage(task);
    });
  return {
    parallelism: workers * TASKS_PER_WORKER,
    warm: async () => {
      await Promise.all(
        slots.map((_, k) => {
          const slot = open(k);
          return (slot.ready ??= send(slot, { id: nextId++, groups: [] }).then(
            () => undefined,
            () => undefined,
          ));
        }),
      );
    },
    check: async (groups) => {
      const slot = pick();
      const forget: string[] = [];
      const task: BallotCheckTask = {
        id: nextId++,
        groups: groups.map(({ gate, ballots }) => {
          const known = slot.gates.delete(gate.key);
          slot.gates.add(gate.key);
          return known
            ? { gateKey: gate.key, ballots }
            : { gateKey: gate.key, gateEvents: gate.events, ballots };
        }),
        forget,
      };
      // least recently used first; never one this task needs
      for (const key of slot.gates) {
        if (slot.gates.size <= gatesPerWorker) break;
        if (groups.some((g) => g.gate.key === key)) continue;
        slot.gates.delete(key);
        forget.push(key);
      }
      try {
        return await send(slot, task);
      } catch {
        // the worker died or could not rebuild a gate: the same checks, here, and the gates are
        // sent again with the next task
        for (const g of groups) slot.gates.delete(g.gate.key);
        return checkHere(groups, random);
      }
    },
  };
}

let shared: BallotChecker | null = null;

/** The process's checker: one pool of workers for every app and election in this process. */
export function sharedBallotChecker(): BallotChecker {
  shared ??= workerBallotChecker(systemRandom);
  return shared;
}
