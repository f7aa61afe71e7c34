// Worker thread of the ballot intake: checks a batch of cast ballots against its election's gate (spec
// §5.5, §7) and answers per ballot. The gate is sent once per worker and kept by its key until the main
// thread says to forget it (ballot-checker.ts decides which gates each worker keeps).
import { parentPort } from 'node:worker_threads';
import { type BallotGate, checkBallots, gateFromEvents } from '../../core/election-record/index.js';
import { systemRandom } from '../../crypto/index.js';
import type { BallotCheckReply, BallotCheckTask } from './ballot-checker.js';

/** Gates by key; an election's gate is fixed once voting opens. */
const gates = new Map<string, BallotGate>();

parentPort?.on('message', (task: BallotCheckTask) => {
  let reply: BallotCheckReply;
  if (task.gateKey === '') return parentPort?.postMessage({ id: task.id, results: [] });
  for (const key of task.forget ?? []) gates.delete(key);
  try {
    let gate = gates.get(task.gateKey);
    if (!gate && task.gateEvents) {
      gate = gateFromEvents(task.gateEvents);
      if (gate) gates.set(task.gateKey, gate);
    }
    if (!gate) throw new Error(`ballot-check-worker: no gate for ${task.gateKey}`);
    reply = { id: task.id, results: checkBallots(gate, task.ballots, systemRandom) };
  } catch (e) {
    reply = { id: task.id, error: (e as Error).message };
  }
  parentPort?.postMessage(reply);
});
