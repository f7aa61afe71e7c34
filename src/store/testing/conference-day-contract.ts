// Contract of the conference-day repositories (issue 4), run on SQLite and PostgreSQL by conference-day-store.test.ts.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/model/index.js';
import type { Store, StoreResult } from '../store.js';
import { bareConference } from './bare-conference.js';
import { value, type ContractHarness } from './store-contract.js';

const A: Actor = { userId: null, label: 'contract-test' };

function code<T>(result: StoreResult<T>): string {
  if (result.ok) throw new Error('expected a failure, got ok');
  return result.error.code;
}

/** Declares the conference-day contract for one implementation. */
export function describeConferenceDayContract(
  name: string,
  makeHarness: () => Promise<ContractHarness>,
): void {
  describe(`Conference-day store contract: ${name}`, () => {
    let h: ContractHarness;
    let store: Store;
    let conferenceId: string;
    let participantIds: string[];

    beforeAll(async () => {
      h = await makeHarness();
      store = h.store;
      conferenceId = await bareConference(store, A);
      participantIds = [];
      for (const fullName of ['Lê Văn A', 'Trần Thị B'])
        participantIds.push(
          value(
            await store.participants.create(A, {
              conferenceId,
              fullName,
              unitName: '',
              position: '',
            }),
          ).id,
        );
    });
    afterAll(async () => h?.cleanup());

    it('gives each participant one check-in code, stable across calls, found by code', async () => {
      let n = 0;
      const make = () => `CODE${++n}`;
      const first = value(await store.checkInCodes.ensure(A, conferenceId, make));
      expect(first.map((c) => c.participantId)).toEqual(participantIds);
      const again = value(await store.checkInCodes.ensure(A, conferenceId, make));
      expect(again).toEqual(first);
      expect((await store.checkInCodes.find(first[1]!.code))?.participantId).toBe(
        participantIds[1],
      );
      expect(await store.checkInCodes.find('NOPE')).toBeNull();
      // A clash with an existing code is retried, not stored twice.
      const p3 = value(
        await store.participants.create(A, {
          conferenceId,
          fullName: 'Ba',
          unitName: '',
          position: '',
        }),
      );
      const codes = ['CODE1', 'FRESH'];
      const third = value(await store.checkInCodes.ensure(A, conferenceId, () => codes.shift()!));
      expect(third.find((c) => c.participantId === p3.id)?.code).toBe('FRESH');
      value(await store.participants.delete(A, p3.id));
    });

    it('keeps one head, a one-time login code consumed once, and members with entries', async () => {
      const user = value(
        await store.users.create(A, { username: 'bkp1', displayName: 'BKP', passwordHash: null }),
      );
      const head = value(
        await store.committee.add(A, { conferenceId, fullName: 'Trưởng ban', isHead: true }),
      );
      const second = value(
        await store.committee.add(A, {
          conferenceId,
          fullName: 'Ủy viên',
          isHead: true,
          userId: user.id,
        }),
      );
      const list = await store.committee.list(conferenceId);
      expect(list.map((m) => [m.fullName, m.isHead])).toEqual([
        ['Ủy viên', true],
        ['Trưởng ban', false],
      ]);
      value(await store.committee.update(A, head.id, { isHead: true }));
      expect((await store.committee.get(second.id))?.isHead).toBe(false);
      expect((await store.committee.memberFor(conferenceId, user.id))?.id).toBe(second.id);
      value(
        await store.committee.setLoginCode(A, second.id, 'digest-1', '2099-01-01T00:00:00.000Z'),
      );
      expect(
        (await store.committee.list(conferenceId)).find((m) => m.id === second.id)?.hasPendingCode,
      ).toBe(true);
      expect(
        await store.committee.consumeLoginCode(A, 'digest-1', '2100-01-01T00:00:00.000Z'),
      ).toBeNull();
      expect(
        (await store.committee.consumeLoginCode(A, 'digest-1', '2023-09-29T00:00:00.000Z'))?.id,
      ).toBe(second.id);
      expect(
        await store.committee.consumeLoginCode(A, 'digest-1', '2023-09-29T00:00:00.000Z'),
      ).toBeNull();
    });

    it('saves entries idempotently and refuses one member in both slots or in another member’s slot', async () => {
      const [m1, m2] = await store.committee.list(conferenceId);
      value(
        await store.counting.setAccounting(A, {
          conferenceId,
          sheetId: 'all',
          issued: 2,
          collected: 2,
          spoiledExchanged: 0,
        }),
      );
      expect(await store.counting.accounting(conferenceId)).toEqual([
        { conferenceId, sheetId: 'all', issued: 2, collected: 2, spoiledExchanged: 0 },
      ]);
      const input = {
        conferenceId,
        sheetId: 'all',
        ballotNumber: 1,
        slot: 'a' as const,
        memberId: m1!.id,
        void: false,
        marks: '12',
        version: 1,
        clientId: 'c-1',
      };
      expect(value(await store.counting.saveEntry(A, input)).replayed).toBe(false);
      expect(value(await store.counting.saveEntry(A, input)).replayed).toBe(true);
      expect(code(await store.counting.saveEntry(A, { ...input, clientId: 'c-other' }))).toBe(
        'entry_version_conflict',
      );
      expect(
        code(await store.counting.saveEntry(A, { ...input, slot: 'b', clientId: 'c-2' })),
      ).toBe('same_member_both_entries');
      expect(
        code(
          await store.counting.saveEntry(A, {
            ...input,
            memberId: m2!.id,
            version: 2,
            clientId: 'c-3',
          }),
        ),
      ).toBe('entry_slot_taken');
      const changed = value(
        await store.counting.saveEntry(
          A,
          { ...input, memberId: m2!.id, version: 2, marks: '13', clientId: 'c-4' },
          { override: true },
        ),
      );
      // The head's correction keeps the slot's member: the two readings stay independent.
      expect(changed.entry).toMatchObject({ memberId: m1!.id, marks: '13', version: 2 });
      value(
        await store.counting.saveEntry(A, {
          ...input,
          slot: 'b',
          memberId: m2!.id,
          clientId: 'c-5',
        }),
      );
      const entries = await store.counting.entries(conferenceId);
      expect(entries.map((e) => [e.ballotNumber, e.slot, e.marks, e.version])).toEqual([
        [1, 'a', '13', 2],
        [1, 'b', '12', 1],
      ]);
      expect(code(await store.committee.remove(A, m1!.id))).toBe('member_has_entries');
      // Nothing in the audit log carries the marks.
      const log = await store.audit.list({ entityType: 'ballot_entry', limit: 1000 });
      expect(log.length).toBe(3);
      expect(JSON.stringify(log)).not.toMatch(/"marks"/);
      expect(code(await store.counting.setAggregate(A, conferenceId, 'all', []))).toBe(
        'counting_mode_conflict',
      );
    });

    it('keeps aggregates, result revisions, a widening publication and follow-ups', async () => {
      const lines = [{ subjectId: 's1', high: 1, confidence: 0, low: 1, invalid: 0 }];
      value(await store.counting.setAggregate(A, conferenceId, 'style-x', lines));
      expect((await store.counting.aggregates(conferenceId)).get('style-x')).toEqual(lines);
      const [m1] = await store.committee.list(conferenceId);
      expect(
        code(
          await store.counting.saveEntry(A, {
            conferenceId,
            sheetId: 'style-x',
            ballotNumber: 1,
            slot: 'a',
            memberId: m1!.id,
            void: true,
            marks: '',
            version: 1,
            clientId: 'z',
          }),
        ),
      ).toBe('counting_mode_conflict');
      const r1 = value(
        await store.results.addRevision(A, { conferenceId, reason: null, data: { n: 1 } }),
      );
      const r2 = value(
        await store.results.addRevision(A, { conferenceId, reason: 'Sai số', data: { n: 2 } }),
      );
      expect([r1.revision, r2.revision]).toEqual([1, 2]);
      expect((await store.results.latest(conferenceId))?.data).toEqual({ n: 2 });
      expect((await store.results.revisions(conferenceId)).map((r) => r.reason)).toEqual([
        null,
        'Sai số',
      ]);
      value(await store.results.publish(A, conferenceId, 'authority'));
      expect(code(await store.results.publish(A, conferenceId, 'conference'))).toBe(
        'publication_scope_narrowing',
      );
      expect((await store.results.publish(A, conferenceId, 'public')).ok).toBe(true);
      expect((await store.results.publication(conferenceId))?.scope).toBe('public');

      const due = [
        {
          subjectId: 's1',
          personId: 'p1',
          fullName: 'Một',
          outcome: 'over-half-low' as const,
          kind: 'resign-or-no-confidence-vote' as const,
        },
        {
          subjectId: 's2',
          personId: 'p2',
          fullName: 'Hai',
          outcome: 'two-thirds-low' as const,
          kind: 'flag-for-authority' as const,
        },
      ];
      const opened = value(await store.followUps.syncWithResult(A, conferenceId, due));
      expect(opened.map((f) => [f.fullName, f.decision])).toEqual([
        ['Hai', 'pending'],
        ['Một', 'pending'],
      ]);
      const f1 = opened.find((f) => f.fullName === 'Một')!;
      value(await store.followUps.update(A, f1.id, { decision: 'no-confidence-vote' }));
      const voted = value(
        await store.followUps.update(A, f1.id, {
          vote: { issued: 5, collected: 5, trust: 2, noTrust: 3 },
        }),
      );
      expect(voted.vote).toEqual({ issued: 5, collected: 5, trust: 2, noTrust: 3 });
      // A correction takes both out of the bands: the decided one stays, the untouched one goes.
      const after = value(await store.followUps.syncWithResult(A, conferenceId, []));
      expect(after.map((f) => f.fullName)).toEqual(['Một']);
      expect((await store.audit.verifyChain()).ok).toBe(true);
    });
  });
}
