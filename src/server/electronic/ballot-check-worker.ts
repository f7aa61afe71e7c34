// Worker thread of the ballot intake: checks a task of cast ballots, each batch against its election's
// gate (spec §5.5, §7), and answers per batch and ballot. The gate is sent once per worker and kept by its key until the main
// thread says to forget it (ballot-checker.ts decides which gates each worker keeps).
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { type BallotGate, checkBallots, gateFromEvents } from '../../core/election-record/index.js';
import { systemRandom } from '../../crypto/index.js';
import type { BallotCheckReply, BallotCheckTask } from './ballot-checker.js';

/**
 * The checks are bulk work beside the main thread, which answers every request (the roll call, the booth,
 * each ballot's commit): on Linux this thread runs at nice 10, so that on a full machine the checks take
 * the CPU the main thread leaves (ADR 0006). Elsewhere, or when refused, it keeps the default priority.
 */
function lowerThisThreadsPriority(): void {
  try {
    // setpriority() with a thread's id sets that thread alone on Linux
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0 && tid !== process.pid) setPriority(tid, 10);
  } catch {
    // not Linux, or not allowed
  }
}
lowerThisThreadsPriority();

/** Gates by key; an election's gate is fixed once voting opens. */
const gates = new Map<string, BallotGate>();

parentPort?.on('message', (task: BallotCheckTask) => {
  let reply: BallotCheckReply;
  for (const key of task.forget ?? []) gates.delete(key);
  try {
    const results = task.groups.map((group) => {
      let gate = gates.get(group.gateKey);
      if (!gate && group.gateEvents) {
        gate = gateFromEvents(group.gateEvents);
        if (gate) gates.set(group.gateKey, gate);
      }
      if (!gate) throw new Error(`ballot-check-worker: no gate for ${group.gateKey}`);
      return checkBallots(gate, group.ballots, systemRandom);
    });
    reply = { id: task.id, results };
  } catch (e) {
    reply = { id: task.id, error: (e as Error).message };
  }
  parentPort?.postMessage(reply);
});
