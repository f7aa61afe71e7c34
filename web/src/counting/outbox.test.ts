// The outbox keeps entries through a reload and a lost connection, and marks saved only what the server took.

import { describe, expect, it } from 'vitest';
import { memoryStorage, Outbox, type OutboxItem, type SendOutcome } from './outbox.js';

/** A server that can be down, records what it stored by id (idempotent), and refuses ids starting with "bad". */
function fakeServer() {
  const stored = new Map<string, number>();
  let up = true;
  let calls = 0;
  return {
    stored,
    calls: () => calls,
    setUp: (value: boolean) => (up = value),
    send: (item: OutboxItem<number>): Promise<SendOutcome> => {
      calls++;
      if (!up) return Promise.reject(new TypeError('Failed to fetch'));
      if (item.id.startsWith('bad'))
        return Promise.resolve({ kind: 'rejected', code: 'invalid_input' });
      stored.set(item.id, item.payload);
      return Promise.resolve({ kind: 'saved' });
    },
  };
}

describe('entry outbox', () => {
  it('writes an item to storage before sending and marks it saved on the answer', async () => {
    const storage = memoryStorage();
    const server = fakeServer();
    const box = new Outbox(storage, 'k', { send: server.send });
    box.put('1', 11);
    expect(JSON.parse(storage.getItem('k')!)).toEqual([
      { id: '1', payload: 11, status: 'pending', version: 1 },
    ]);
    expect(await box.flush()).toBe(true);
    expect(box.get('1')?.status).toBe('saved');
    expect(server.stored.get('1')).toBe(11);
  });

  it('keeps pending items while the server is down, survives a reload, and sends them after', async () => {
    const storage = memoryStorage();
    const server = fakeServer();
    server.setUp(false);
    const first = new Outbox(storage, 'k', { send: server.send });
    first.put('1', 1);
    first.put('2', 2);
    expect(await first.flush()).toBe(false);
    expect(first.pendingCount()).toBe(2);
    expect(first.retryDelayMs()).toBe(500);
    expect(await first.flush()).toBe(false);
    expect(first.retryDelayMs()).toBe(1000);

    // The page reloads: a new outbox on the same storage still has both, and sends them when the server is back.
    server.setUp(true);
    const second = new Outbox(storage, 'k', { send: server.send });
    expect(second.pendingCount()).toBe(2);
    expect(await second.flush()).toBe(true);
    expect([...server.stored.entries()]).toEqual([
      ['1', 1],
      ['2', 2],
    ]);
    expect(second.retryDelayMs()).toBe(0);
  });

  it('sends a correction again and does not mark it saved on the answer to the older version', async () => {
    const storage = memoryStorage();
    const stored: number[] = [];
    let release: (() => void) | null = null;
    const box = new Outbox<number>(storage, 'k', {
      send: (item) =>
        new Promise((resolve) => {
          stored.push(item.payload);
          release = () => resolve({ kind: 'saved' });
        }),
    });
    box.put('1', 1);
    const run = box.flush();
    box.put('1', 5); // corrected while the first send is in flight
    release!();
    await Promise.resolve();
    await Promise.resolve();
    release!();
    expect(await run).toBe(true);
    expect(stored).toEqual([1, 5]);
    expect(box.get('1')).toMatchObject({ payload: 5, status: 'saved', version: 2 });
  });

  it('records a refusal with its code and goes on with the rest', async () => {
    const server = fakeServer();
    const box = new Outbox(memoryStorage(), 'k', { send: server.send });
    box.put('bad-1', 1);
    box.put('2', 2);
    expect(await box.flush()).toBe(true);
    expect(box.get('bad-1')).toMatchObject({ status: 'rejected', code: 'invalid_input' });
    expect(box.get('2')?.status).toBe('saved');
  });

  it('sets a damaged copy aside instead of failing', () => {
    const storage = memoryStorage();
    storage.setItem('k', '{not json');
    const box = new Outbox(storage, 'k', { send: fakeServer().send });
    expect(box.list()).toEqual([]);
    expect(storage.getItem('k.damaged')).toBe('{not json');
  });
});
