// Worker threads give the same report as one thread, including the failures they name.
import { describe, expect, it } from 'vitest';
import {
  type BallotChunkInput,
  type BallotBody,
  simulateElection,
  verifyBallotChunk,
  lastBallotPerCredential,
  electionFingerprint,
  type ElectionKeyBody,
  type Manifest,
  ballotBase,
} from '../core/election-record/index.js';
import { bytesToHex, seededRandom } from '../crypto/index.js';
import { verifyBallotsInWorkers } from './verify-workers.js';

describe('verifyBallotsInWorkers', () => {
  it('matches the in-thread report on a record with a forged signature and a bad proof', async () => {
    const record = await simulateElection({
      voters: 6,
      persons: 2,
      trustees: 3,
      threshold: 2,
      revotes: 0,
      audits: 0,
      random: seededRandom('workers'),
    });
    const manifest = record.events[0]!.body as Manifest;
    const key = record.events.find((e) => e.type === 'election_key')!.body as ElectionKeyBody;
    const events = structuredClone(record.events.filter((e) => e.type === 'ballot'));
    const b1 = (events[1]!.body as BallotBody).ballot;
    b1.signature = (events[2]!.body as BallotBody).ballot.signature;
    const b4 = (events[4]!.body as BallotBody).ballot;
    b4.lines[0]!.proof.z[0] = b4.lines[0]!.proof.z[1]!;
    const input: BallotChunkInput = {
      fingerprint: bytesToHex(electionFingerprint(manifest)),
      publicKey: key.publicKey,
      base: ballotBase(manifest).toString(),
      persons: manifest.persons.map((p) => p.id),
      events,
      accepted: lastBallotPerCredential(events.map((e) => (e.body as BallotBody).ballot)),
    };
    const alone = verifyBallotChunk(input, seededRandom('v'));
    const progress: number[] = [];
    const split = await verifyBallotsInWorkers(input, (d) => progress.push(d), 2, 1);
    expect(split).toEqual(alone);
    // the changed proof also changes what ballot 4 signed
    expect(split.badSignatures).toEqual([1, 4]);
    expect(split.badProofs).toEqual([4]);
    expect(progress[progress.length - 1]).toBe(6);
  }, 60_000);
});
