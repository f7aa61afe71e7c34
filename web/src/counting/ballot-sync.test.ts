// Ballot saves through the outbox against a fake server with the contract's version rules, answers lost on the way.

import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../src/rules/index.js';
import type { BallotEntryDto, BallotEntryInput } from '../api/day-types.js';
import {
  ballotItemId,
  ballotSender,
  type BallotPayload,
  type BallotTransport,
} from './ballot-sync.js';
import { memoryStorage, Outbox } from './outbox.js';

/** The contract §4: version = stored + 1, same clientId and version replays, else 409 entry_version_conflict. */
function fakeServer() {
  const stored = new Map<number, BallotEntryDto & { clientId: string }>();
  let loseNextAnswer = false;
  let down = false;
  const transport: BallotTransport = {
    save: (p: BallotPayload, body: BallotEntryInput) => {
      if (down) return Promise.resolve(err({ code: 'network', message: '', status: 0 }));
      const before = stored.get(p.ballotNumber);
      let answer: BallotEntryDto;
      if (before && before.clientId === body.clientId && before.version === body.version) {
        answer = { ...before, replayed: true };
      } else if (body.version !== (before?.version ?? 0) + 1) {
        return Promise.resolve(
          err({ code: 'entry_version_conflict', message: 'stale', status: 409 }),
        );
      } else {
        const entry = {
          sheetId: p.sheetId,
          ballotNumber: p.ballotNumber,
          slot: p.slot,
          memberId: 'm',
          memberName: 'M',
          void: body.void,
          marks: body.marks,
          version: body.version,
          complete: true,
          replayed: false,
          clientId: body.clientId,
        };
        stored.set(p.ballotNumber, entry);
        answer = entry;
      }
      if (loseNextAnswer) {
        loseNextAnswer = false;
        return Promise.resolve(err({ code: 'network', message: 'lost', status: 0 }));
      }
      return Promise.resolve(ok(answer));
    },
    mine: () => Promise.resolve(ok([...stored.values()])),
  };
  return {
    stored,
    transport,
    loseNext: () => (loseNextAnswer = true),
    setDown: (value: boolean) => (down = value),
  };
}

const ballot = (n: number, marks: string, isVoid = false): BallotPayload => ({
  sheetId: 'all',
  ballotNumber: n,
  slot: 'a',
  void: isVoid,
  marks,
});

describe('ballot sync', () => {
  it('stores a ballot once even when the answer is lost and the page reloads', async () => {
    const storage = memoryStorage();
    const server = fakeServer();
    const open = () =>
      new Outbox<BallotPayload>(storage, 'box', {
        send: ballotSender(storage, 'versions', server.transport),
      });
    const first = open();
    first.put(ballotItemId(ballot(1, '12')), ballot(1, '12'));
    server.loseNext();
    expect(await first.flush()).toBe(false);
    expect(server.stored.get(1)?.version).toBe(1);

    // Reload: the same save is repeated, the server answers it as a replay, nothing is counted twice.
    const second = open();
    expect(await second.flush()).toBe(true);
    expect(second.get('all/a/1')?.status).toBe('saved');
    expect(server.stored.get(1)).toMatchObject({ version: 1, marks: '12' });
  });

  it('saves a correction as the next version, also after a lost answer to the first save', async () => {
    const storage = memoryStorage();
    const server = fakeServer();
    const box = new Outbox<BallotPayload>(storage, 'box', {
      send: ballotSender(storage, 'versions', server.transport),
    });
    box.put('all/a/2', ballot(2, '33'));
    server.loseNext();
    await box.flush();
    // The member corrects before the retry: the old save landed, so the server says "conflict" and the
    // sender reads the stored version and saves the correction as version 2.
    box.put('all/a/2', ballot(2, '3x'));
    expect(await box.flush()).toBe(true);
    expect(server.stored.get(2)).toMatchObject({ version: 2, marks: '3x' });
    box.put('all/a/2', ballot(2, '', true));
    expect(await box.flush()).toBe(true);
    expect(server.stored.get(2)).toMatchObject({ version: 3, void: true });
  });

  it('waits while the server is down and refuses nothing', async () => {
    const storage = memoryStorage();
    const server = fakeServer();
    server.setDown(true);
    const box = new Outbox<BallotPayload>(storage, 'box', {
      send: ballotSender(storage, 'versions', server.transport),
    });
    box.put('all/a/3', ballot(3, '11'));
    expect(await box.flush()).toBe(false);
    expect(box.get('all/a/3')?.status).toBe('pending');
    server.setDown(false);
    expect(await box.flush()).toBe(true);
    expect(server.stored.get(3)?.version).toBe(1);
  });
});
