// Contract of the live-update port (issue 7 §4, issue 8 §3), run on SQLite and PostgreSQL by live-updates.test.ts.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/model/index.js';
import type { LiveChange } from '../live/live-updates.js';
import type { Store } from '../store.js';
import { value, type ContractHarness } from './store-contract.js';

const A: Actor = { userId: null, label: 'live-contract' };

/** Collects the notices of one conference; `next(topic)` waits for the next notice of that topic. */
export function recorder(store: Store, conferenceId: string) {
  const seen: LiveChange[] = [];
  const waiters: { topic: string; from: number; resolve: (c: LiveChange) => void }[] = [];
  const off = store.live.subscribe(conferenceId, (change) => {
    seen.push(change);
    for (const w of [...waiters]) {
      if (change.topic === w.topic) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(change);
      }
    }
  });
  return {
    seen,
    off,
    /** Resolves at the first notice of `topic` after this call. */
    next(topic: string): Promise<LiveChange> {
      return new Promise((resolve) => waiters.push({ topic, from: seen.length, resolve }));
    },
  };
}

/** Declares the live-update contract for one implementation. */
export function describeLiveContract(
  name: string,
  makeHarness: () => Promise<ContractHarness>,
): void {
  describe(`Live-update contract: ${name}`, () => {
    let h: ContractHarness;
    let store: Store;
    let conferenceId: string;
    let otherId: string;
    let participantId: string;

    beforeAll(async () => {
      h = await makeHarness();
      store = h.store;
      const unit = value(
        await store.units.create(A, {
          code: 'U',
          name: 'Huyện ủy',
          parentId: null,
          kind: 'party-committee',
        }),
      );
      const round = value(
        await store.rounds.create(A, {
          plan: { number: '1-KH', date: null, issuingBody: 'Ban Thường vụ' },
          title: 'Đợt 2023',
          ruleSetId: 'qd96-2023',
          year: 2023,
          unitIds: [unit.id],
        }),
      );
      const conference = (title: string) =>
        store.conferences.create(A, {
          roundId: round.id,
          unitId: unit.id,
          title,
          date: '2023-09-29',
          place: 'Hội trường',
          chair: 'Chủ trì',
        });
      conferenceId = value(await conference('Hội nghị')).id;
      otherId = value(await conference('Hội nghị khác')).id;
      participantId = value(
        await store.participants.create(A, {
          conferenceId,
          fullName: 'Lê Văn A',
          unitName: '',
          position: '',
        }),
      ).id;
      await store.live.ready();
    });
    afterAll(async () => h?.cleanup());

    it('announces an attendance change after its commit: a read in the listener sees it', async () => {
      const r = recorder(store, conferenceId);
      let seenInListener: string | undefined;
      const read = new Promise<void>((resolve) => {
        const off = store.live.subscribe(conferenceId, (change) => {
          if (change.topic !== 'roll-call') return;
          off();
          void store.participants.get(participantId).then((p) => {
            seenInListener = p?.attendance;
            resolve();
          });
        });
      });
      const next = r.next('roll-call');
      value(await store.participants.setAttendance(A, participantId, 'present'));
      expect(await next).toEqual({ conferenceId, topic: 'roll-call' });
      await read;
      expect(seenInListener).toBe('present');
      // Ids and a topic only.
      for (const change of r.seen)
        expect(Object.keys(change).sort()).toEqual(['conferenceId', 'topic']);
      r.off();
    });

    it('names the topic of each area: conference, counting; other conferences hear nothing', async () => {
      const r = recorder(store, conferenceId);
      const other = recorder(store, otherId);
      const conference = r.next('conference');
      value(await store.conferences.transition(A, conferenceId, 'prepared'));
      await conference;
      const counting = r.next('counting');
      value(
        await store.counting.setAccounting(A, {
          conferenceId,
          sheetId: 'all',
          issued: 2,
          collected: 1,
          spoiledExchanged: 0,
        }),
      );
      await counting;
      // A change of the other conference, waited for: it came after the ones above.
      const mark = other.next('roll-call');
      value(
        await store.participants.create(A, {
          conferenceId: otherId,
          fullName: 'Trần Thị B',
          unitName: '',
          position: '',
        }),
      );
      await mark;
      expect(other.seen.map((c) => c.topic)).toEqual(['roll-call']);
      expect(r.seen.every((c) => c.conferenceId === conferenceId)).toBe(true);
      r.off();
      other.off();
    });

    it('announces nothing for a transaction that rolled back', async () => {
      const r = recorder(store, conferenceId);
      const rolledBack = await store.transaction(async (tx) => {
        value(await tx.participants.setAttendance(A, participantId, 'absent'));
        return { ok: false as const, error: { code: 'invalid_input', message: 'undo' } };
      });
      expect(rolledBack.ok).toBe(false);
      expect((await store.participants.get(participantId))?.attendance).toBe('present');
      // Notices come in commit order: once this later one is here, an earlier one would have been too.
      const mark = r.next('counting');
      value(
        await store.counting.setAccounting(A, {
          conferenceId,
          sheetId: 'all',
          issued: 2,
          collected: 2,
          spoiledExchanged: 0,
        }),
      );
      await mark;
      expect(r.seen.map((c) => c.topic)).toEqual(['counting']);
      r.off();
    });

    it('a write by another connection (not through this store) is announced too', async () => {
      const r = recorder(store, conferenceId);
      const next = r.next('roll-call');
      await h.rawExec(
        `UPDATE participants SET attendance = 'absent' WHERE id = '${participantId}'`,
      );
      if (store.dialect === 'postgres') {
        // Triggers in the database: every writer announces.
        await next;
      } else {
        // SQLite's triggers are this connection's own (one process holds the folder): a raw connection is
        // not heard; the store's next write is.
        const mark = r.next('conference');
        value(await store.conferences.update(A, conferenceId, { title: 'Hội nghị (sửa)' }));
        await mark;
        expect(r.seen.map((c) => c.topic)).toEqual(['conference']);
      }
      r.off();
    });

    it('stops after unsubscribe; counts subscriptions', async () => {
      const before = store.live.subscriptions();
      const r = recorder(store, conferenceId);
      expect(store.live.subscriptions()).toBe(before + 1);
      r.off();
      r.off();
      expect(store.live.subscriptions()).toBe(before);
      const mark = recorder(store, conferenceId);
      const next = mark.next('roll-call');
      value(await store.participants.setAttendance(A, participantId, 'present'));
      await next;
      expect(r.seen).toEqual([]);
      mark.off();
    });
  });
}
