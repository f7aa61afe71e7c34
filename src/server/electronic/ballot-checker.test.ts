// The worker checker's gates (ADR 0006): with more elections voting than a worker keeps gates for,
// every batch is still checked on the worker, because the main thread decides which gates each worker
// drops and sends a dropped one again; none falls back to the main thread.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gateFromEvents, type Manifest } from '../../core/election-record/index.js';
import {
  type RandomSource,
  G,
  elem,
  encryptBallot,
  generateCredential,
  mulSecret,
  signBallot,
  systemRandom,
} from '../../crypto/index.js';
import { type GateHandle, workerBallotChecker } from './ballot-checker.js';

/** An election's gate (one voter, one person) and a ballot of its voter. */
function election(id: string) {
  const voter = generateCredential(systemRandom);
  const manifest: Manifest = {
    electionId: id,
    title: `Hội nghị ${id}`,
    persons: [{ id: 'p1', name: 'Nguyễn Văn A' }],
    styles: [{ id: 'all', persons: ['p1'] }],
    trustees: 1,
    threshold: 1,
    maxVoters: 1,
  };
  const events = [
    { type: 'manifest' as const, body: manifest },
    { type: 'election_key' as const, body: { publicKey: elem(mulSecret(G, 7n)).hex } },
    {
      type: 'credentials' as const,
      body: { credentials: [{ credential: voter.public.hex, style: 'all' }] },
    },
  ];
  const gate = gateFromEvents(events)!;
  const handle: GateHandle = { key: `key-${id}`, gate, events };
  const { ballot } = encryptBallot(
    gate.ctx,
    voter.public,
    manifest.styles[0]!,
    ['high'],
    systemRandom,
  );
  return { handle, ballot: signBallot(gate.ctx, ballot, voter, systemRandom) };
}

describe('worker ballot checker', () => {
  it('checks every batch on the worker when more elections vote than it keeps gates for', async () => {
    // the main thread's randomness is drawn only when a batch falls back to this thread
    let drawnHere = 0;
    const counting: RandomSource = (n) => {
      drawnHere++;
      return systemRandom(n);
    };
    const checker = workerBallotChecker(counting, 1, 2);
    const elections = ['a', 'b', 'c'].map(election);
    for (let round = 0; round < 3; round++)
      for (const { handle, ballot } of elections) {
        const [answers] = await checker.check([{ gate: handle, ballots: [ballot] }]);
        expect(answers?.[0]?.ok).toBe(true);
      }
    expect(drawnHere).toBe(0);
  }, 60_000);

  it.runIf(process.platform === 'linux')(
    'checks at a lower priority than the main thread (nice 10), which answers every request',
    async () => {
      // a thread's nice value: field 19 of its stat, counted after the command name in parentheses
      const niceOf = (stat: string) =>
        Number(readFileSync(stat, 'utf8').split(') ')[1]!.split(' ')[16]);
      const niced = () =>
        readdirSync('/proc/self/task').filter((tid) => niceOf(`/proc/self/task/${tid}/stat`) === 10)
          .length;
      const before = niced();
      const checker = workerBallotChecker(systemRandom, 1);
      await checker.warm();
      expect(niced()).toBeGreaterThan(before);
      expect(niceOf('/proc/self/stat')).toBe(0);
    },
    30_000,
  );
});
