// The store contract: one suite every Store implementation passes (run by sqlite-store.test.ts and postgres-store.test.ts).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_DEADLINES } from '../../rules/index.js';
import type { Actor, Clock } from '../../core/model/index.js';
import { proposeConferenceSubjects } from '../services/propose-conference-subjects.js';
import type { Store, StoreResult } from '../store.js';

/** What a contract run needs from an implementation. */
export interface ContractHarness {
  readonly store: Store;
  /** Runs raw SQL on the same database behind the store's back (to tamper with the audit log). */
  rawExec(sqlText: string): Promise<void>;
  /** Closes and removes what the harness made. */
  cleanup(): Promise<void>;
}

/** A clock that moves one second per reading from 2023-09-01, so that times are distinct and ordered. */
export function steppingClock(start = Date.UTC(2023, 8, 1, 1, 0, 0)): Clock {
  let t = start;
  return {
    now: () => {
      const value = new Date(t).toISOString();
      t += 1000;
      return value;
    },
  };
}

const ORGANISER: Actor = { userId: null, label: 'contract-test' };

/** The value of a result expected to be ok; throws with the failure's code otherwise. */
export function value<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function failure<T>(result: StoreResult<T>): string {
  if (result.ok) throw new Error('expected a failure, got ok');
  return result.error.code;
}

/** Declares the contract suite for one implementation. */
export function describeStoreContract(
  name: string,
  makeHarness: () => Promise<ContractHarness>,
  dialect: Store['dialect'],
): void {
  describe(`Store contract: ${name}`, () => {
    let h: ContractHarness;
    let store: Store;

    beforeAll(async () => {
      h = await makeHarness();
      store = h.store;
    });
    afterAll(async () => {
      await h?.cleanup();
    });

    it(`runs on ${dialect} with the schema migrated`, async () => {
      expect(store.dialect).toBe(dialect);
      expect(await store.audit.count()).toBe(0);
      expect((await store.audit.verifyChain()).ok).toBe(true);
    });

    it('keeps the organisation tree: codes unique, subtree, ancestors, no cycles', async () => {
      const root = value(
        await store.units.create(ORGANISER, {
          code: 'TU',
          name: 'Tỉnh ủy',
          parentId: null,
          kind: 'party-committee',
        }),
      );
      const dept = value(
        await store.units.create(ORGANISER, {
          code: 'SXD',
          name: 'Sở Xây dựng',
          parentId: root.id,
        }),
      );
      const office = value(
        await store.units.create(ORGANISER, {
          code: 'SXD-VP',
          name: 'Văn phòng Sở',
          parentId: dept.id,
        }),
      );
      expect(
        failure(await store.units.create(ORGANISER, { code: 'SXD', name: 'x', parentId: null })),
      ).toBe('conflict');
      expect(
        failure(await store.units.create(ORGANISER, { code: 'X', name: 'x', parentId: 'nope' })),
      ).toBe('not_found');
      expect(failure(await store.units.update(ORGANISER, root.id, { parentId: office.id }))).toBe(
        'invalid_input',
      );
      expect((await store.units.descendantIds(dept.id)).sort()).toEqual(
        [dept.id, office.id].sort(),
      );
      expect((await store.units.ancestors(office.id)).map((u) => u.code)).toEqual([
        'SXD-VP',
        'SXD',
        'TU',
      ]);
      const tree = await store.units.tree(root.id);
      expect(tree[0]?.children[0]?.children[0]?.unit.name).toBe('Văn phòng Sở');
      expect((await store.units.getByCode('SXD'))?.id).toBe(dept.id);
      const renamed = value(
        await store.units.update(ORGANISER, dept.id, { name: 'Sở Xây dựng TP' }),
      );
      expect(renamed.name).toBe('Sở Xây dựng TP');
    });

    it('imports units by code, parents first, updating what exists', async () => {
      const summary = value(
        await store.units.importRows(ORGANISER, [
          { code: 'IMP-C', name: 'Phòng C', parentCode: 'IMP-B', kind: 'agency' },
          { code: 'IMP-B', name: 'Ban B', parentCode: 'IMP-A', kind: 'agency' },
          { code: 'IMP-A', name: 'Khối A', parentCode: 'TU', kind: 'other' },
        ]),
      );
      expect(summary).toEqual({ created: 3, updated: 0 });
      const again = value(
        await store.units.importRows(ORGANISER, [
          { code: 'IMP-A', name: 'Khối A (mới)', parentCode: 'TU', kind: 'other' },
          { code: 'IMP-B', name: 'Ban B', parentCode: 'IMP-A', kind: 'agency' },
        ]),
      );
      expect(again).toEqual({ created: 0, updated: 1 });
      expect((await store.units.ancestors((await store.units.getByCode('IMP-C'))!.id)).length).toBe(
        4,
      );
      const bad = await store.units.importRows(ORGANISER, [
        { code: 'IMP-D', name: 'D', parentCode: 'NOWHERE', kind: 'other' },
      ]);
      expect(bad.ok ? '' : bad.error.field).toBe('rows[0].parentCode');
      expect(await store.units.getByCode('IMP-D')).toBeNull();
    });

    it('creates a round with the default deadlines and finds it by unit', async () => {
      const unit = (await store.units.getByCode('SXD'))!;
      const round = value(
        await store.rounds.create(ORGANISER, {
          plan: { number: '277-KH/TU', date: '2023-07-28', issuingBody: 'Ban Thường vụ Thành ủy' },
          title: 'Lấy phiếu tín nhiệm giữa nhiệm kỳ',
          ruleSetId: 'qd96-2023',
          year: 2023,
          unitIds: [unit.id],
        }),
      );
      expect(round.deadlines).toEqual(PLAN_DEADLINES);
      expect(round.placePriority).toEqual([
        'highest-party-committee',
        'peoples-council',
        'workplace',
      ]);
      expect((await store.rounds.get(round.id))?.unitIds).toEqual([unit.id]);
      expect((await store.rounds.list({ unitIds: [unit.id] })).map((r) => r.id)).toContain(
        round.id,
      );
      expect(await store.rounds.list({ unitIds: ['none'] })).toEqual([]);
      const updated = value(
        await store.rounds.update(ORGANISER, round.id, {
          deadlines: { ...PLAN_DEADLINES, answers: 5 },
        }),
      );
      expect(updated.deadlines.answers).toBe(5);
      expect(updated.plan.number).toBe('277-KH/TU');
      expect(
        failure(
          await store.rounds.create(ORGANISER, { ...round, ruleSetId: 'qd96-2023', year: 1800 }),
        ),
      ).toBe('invalid_input');
    });

    it('runs the conference state machine and freezes preparation once open', async () => {
      const unit = (await store.units.getByCode('SXD'))!;
      const [round] = await store.rounds.list({ unitIds: [unit.id] });
      const conference = value(
        await store.conferences.create(ORGANISER, {
          roundId: round!.id,
          unitId: unit.id,
          title: 'Hội nghị thử',
          date: '2023-09-26',
          place: 'Hội trường',
          chair: 'Chủ trì',
        }),
      );
      expect(conference.status).toBe('draft');
      expect(conference.ruleSetId).toBe('qd96-2023');
      expect(conference.placeKind).toBe('workplace');
      expect(failure(await store.conferences.transition(ORGANISER, conference.id, 'open'))).toBe(
        'invalid_transition',
      );
      value(await store.conferences.transition(ORGANISER, conference.id, 'prepared'));
      value(await store.conferences.transition(ORGANISER, conference.id, 'open'));
      expect(
        failure(await store.conferences.update(ORGANISER, conference.id, { place: 'x' })),
      ).toBe('invalid_transition');
      expect((await store.conferences.list({ roundId: round!.id })).length).toBe(1);
    });

    it('proposes subjects with the exclusions and keeps an override with its reason', async () => {
      // Lạng Sơn's pattern: the plan keeps the HĐND and the police, so the party committee is dropped.
      const mk = async (code: string, kind: 'party-committee' | 'peoples-council' | 'police') =>
        value(await store.units.create(ORGANISER, { code, name: code, parentId: null, kind }));
      const tu = await mk('LS-TU', 'party-committee');
      const hdnd = await mk('LS-HDND', 'peoples-council');
      const ca = await mk('LS-CA', 'police');
      const round = value(
        await store.rounds.create(ORGANISER, {
          plan: { number: '1-KH/TU', date: '2023-08-01', issuingBody: 'Ban Thường vụ Tỉnh ủy' },
          title: 'Đợt thử',
          ruleSetId: 'qd96-2023',
          year: 2023,
          unitIds: [tu.id, hdnd.id, ca.id],
          placePriority: ['peoples-council', 'workplace', 'highest-party-committee'],
        }),
      );
      const conf = async (unitId: string, title: string) =>
        value(
          await store.conferences.create(ORGANISER, {
            roundId: round.id,
            unitId,
            title,
            date: '2023-10-20',
            place: 'Tỉnh ủy',
            chair: 'Bí thư',
          }),
        );
      const cTu = await conf(tu.id, 'Ban Chấp hành');
      await conf(hdnd.id, 'Kỳ họp HĐND');
      await conf(ca.id, 'Công an tỉnh');
      const person = async (fullName: string) =>
        value(await store.persons.create(ORGANISER, { fullName }));
      const secretary = await person('Người Một');
      const police = await person('Người Hai');
      const commander = await person('Người Ba');
      const hold = async (
        personId: string,
        unitId: string,
        title: string,
        startDate: string,
        rank = 10,
      ) =>
        value(
          await store.positions.create(ORGANISER, { personId, unitId, title, startDate, rank }),
        );
      await hold(secretary.id, tu.id, 'Bí thư Tỉnh ủy', '2020-10-15', 1);
      await hold(police.id, tu.id, 'Ủy viên Ban Thường vụ Tỉnh ủy', '2020-10-15');
      await hold(police.id, hdnd.id, 'Ủy viên UBND tỉnh', '2021-06-01');
      await hold(police.id, ca.id, 'Giám đốc Công an tỉnh', '2020-03-01');
      await hold(commander.id, tu.id, 'Ủy viên Ban Thường vụ Tỉnh ủy', '2023-03-10');

      const subjects = value(await proposeConferenceSubjects(store, ORGANISER, cTu.id));
      const byPerson = new Map(subjects.map((s) => [s.personId, s]));
      expect(byPerson.get(secretary.id)?.proposal).toBe('vote');
      expect(byPerson.get(secretary.id)?.order).toBe(1);
      expect(byPerson.get(police.id)?.exclusions.map((e) => e.reason)).toEqual([
        'voted-at-max-places',
      ]);
      expect(byPerson.get(commander.id)?.exclusions.map((e) => e.reason)).toEqual([
        'appointed-in-vote-year',
      ]);

      const excluded = byPerson.get(commander.id)!;
      expect(
        failure(await store.subjects.decide(ORGANISER, excluded.id, { decision: 'vote' })),
      ).toBe('override_reason_required');
      const overridden = value(
        await store.subjects.decide(ORGANISER, excluded.id, {
          decision: 'vote',
          overrideReason: 'Cấp có thẩm quyền quyết định lấy phiếu (thử nghiệm).',
        }),
      );
      expect(overridden.decision).toBe('vote');
      const log = await store.audit.list({ entityType: 'subject', entityId: excluded.id });
      expect(log.at(-1)?.action).toBe('subject.override');
      expect(JSON.stringify(log.at(-1)?.after)).toContain('Cấp có thẩm quyền');

      // Proposing again keeps the decision taken.
      const again = value(await proposeConferenceSubjects(store, ORGANISER, cTu.id));
      expect(again.find((s) => s.personId === commander.id)?.decision).toBe('vote');
    });

    it('imports participants with ballot styles and answers who votes on whom', async () => {
      const tu = (await store.units.getByCode('LS-TU'))!;
      const [conference] = await store.conferences.list({ unitIds: [tu.id] });
      const subjects = await store.subjects.list(conference!.id);
      const first = subjects[0]!;
      const style = value(
        await store.ballotStyles.create(ORGANISER, {
          conferenceId: conference!.id,
          name: 'Phiếu số 1',
          subjectIds: [first.id],
        }),
      );
      const imported = value(
        await store.participants.importRows(ORGANISER, conference!.id, [
          {
            fullName: 'Đại biểu Một',
            unitName: 'Tỉnh ủy',
            position: 'Tỉnh ủy viên',
            ballotStyleName: null,
          },
          {
            fullName: 'Đại biểu Hai',
            unitName: 'Tỉnh ủy',
            position: 'Tỉnh ủy viên',
            ballotStyleName: 'Phiếu số 1',
          },
        ]),
      );
      expect(imported.created).toBe(2);
      expect(await store.participants.count(conference!.id)).toBe(2);
      const bad = await store.participants.importRows(ORGANISER, conference!.id, [
        { fullName: 'X', unitName: 'Y', position: 'Z', ballotStyleName: 'Phiếu số 9' },
      ]);
      expect(bad.ok ? null : [bad.error.code, bad.error.field]).toEqual([
        'unknown_ballot_style',
        'rows[0].ballotStyle',
      ]);
      const [one, two] = await store.participants.list(conference!.id);
      expect(two?.ballotStyleId).toBe(style.id);
      const counts = () => store.participants.attendanceCounts(conference!.id);
      expect(await counts()).toEqual({ unknown: 2, present: 0, absent: 0 });
      value(await store.participants.setAttendance(ORGANISER, two!.id, 'present'));
      value(await store.participants.setAttendance(ORGANISER, one!.id, 'absent'));
      expect(await counts()).toEqual({ unknown: 0, present: 1, absent: 1 });
      value(await store.participants.setAttendance(ORGANISER, one!.id, 'unknown'));
      value(await store.participants.setAttendance(ORGANISER, two!.id, 'unknown'));
      expect(await store.participants.votesOn(one!.id, first.personId)).toBe(true);
      expect(await store.participants.votesOn(two!.id, first.personId)).toBe(true);
      const other = subjects.find((s) => s.personId !== first.personId && s.decision === 'vote');
      if (other) expect(await store.participants.votesOn(two!.id, other.personId)).toBe(false);
      const excluded = subjects.find((s) => s.proposal === 'exclude' && s.decision === null)!;
      expect(await store.participants.votesOn(one!.id, excluded.personId)).toBe(false);
    });

    it('stores report bytes and refuses an oversized one', async () => {
      const tu = (await store.units.getByCode('LS-TU'))!;
      const [conference] = await store.conferences.list({ unitIds: [tu.id] });
      const subject = (await store.subjects.list(conference!.id))[0]!;
      const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
      bytes.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
      const report = value(
        await store.reports.upload(ORGANISER, {
          conferenceId: conference!.id,
          personId: subject.personId,
          fileName: 'Báo cáo kiểm điểm.pdf',
          mediaType: 'application/pdf',
          content: bytes,
        }),
      );
      expect(report.sizeBytes).toBe(70_000);
      expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(await store.reports.content(report.id)).toEqual(bytes);
      expect(
        (await store.reports.list(conference!.id, { personId: subject.personId }))[0]?.id,
      ).toBe(report.id);
      const huge = await store.reports.upload(ORGANISER, {
        conferenceId: conference!.id,
        personId: subject.personId,
        fileName: 'x.pdf',
        mediaType: 'application/pdf',
        content: new Uint8Array(20 * 1024 * 1024 + 1),
      });
      expect(failure(huge)).toBe('file_too_large');
    });

    it('takes questions through forwarded to answered and counts them', async () => {
      const tu = (await store.units.getByCode('LS-TU'))!;
      const [conference] = await store.conferences.list({ unitIds: [tu.id] });
      const subject = (await store.subjects.list(conference!.id))[0]!;
      const [voter] = await store.participants.list(conference!.id);
      const ask = (kind: 'comment' | 'clarification', text: string) =>
        store.questions.ask(ORGANISER, {
          conferenceId: conference!.id,
          personId: subject.personId,
          participantId: voter!.id,
          kind,
          text,
        });
      value(await ask('comment', 'Đồng tình với báo cáo.'));
      const q = value(await ask('clarification', 'Đề nghị làm rõ kết quả giải ngân.'));
      expect(failure(await store.questions.answer(ORGANISER, q.id, 'Trả lời'))).toBe(
        'invalid_transition',
      );
      value(await store.questions.forward(ORGANISER, q.id));
      expect(failure(await store.questions.forward(ORGANISER, q.id))).toBe('invalid_transition');
      const answered = value(await store.questions.answer(ORGANISER, q.id, 'Đã giải ngân 95%.'));
      expect(answered.status).toBe('answered');
      expect(await store.questions.counts(conference!.id)).toEqual({
        total: 2,
        comments: 1,
        clarifications: 1,
        forwarded: 0,
        answered: 1,
      });
      expect(
        (await store.questions.list(conference!.id, { participantId: voter!.id })).length,
      ).toBe(2);
    });

    it('keeps users, grants, sessions and settings', async () => {
      const user = value(
        await store.users.create(ORGANISER, {
          username: 'ToChuc',
          displayName: 'Cán bộ tổ chức',
          passwordHash: 'scrypt$x',
        }),
      );
      expect(
        failure(
          await store.users.create(ORGANISER, {
            username: 'tochuc',
            displayName: 'x',
            passwordHash: null,
          }),
        ),
      ).toBe('conflict');
      expect((await store.users.getByUsername('TOCHUC'))?.id).toBe(user.id);
      const unit = (await store.units.getByCode('TU'))!;
      const grant = value(
        await store.users.addGrant(ORGANISER, user.id, { role: 'organiser', unitId: unit.id }),
      );
      expect(await store.users.grants(user.id)).toEqual([
        { id: grant.id, userId: user.id, role: 'organiser', unitId: unit.id },
      ]);
      value(await store.users.removeGrant(ORGANISER, grant.id));
      expect(await store.users.grants(user.id)).toEqual([]);
      const session = value(
        await store.sessions.create(ORGANISER, {
          userId: user.id,
          tokenDigest: 'digest-1',
          csrfToken: 'csrf',
          expiresAt: '2023-09-02T00:00:00.000Z',
        }),
      );
      expect(await store.sessions.findByDigest('digest-1')).toEqual({
        session,
        user: { ...user, disabled: false },
        grants: [],
      });
      const again = value(
        await store.users.addGrant(ORGANISER, user.id, { role: 'inspector', unitId: unit.id }),
      );
      const voter = value(
        await store.users.addGrant(ORGANISER, user.id, { role: 'subject', personId: 'p-1' }),
      );
      expect((await store.sessions.findByDigest('digest-1'))?.grants).toEqual([again, voter]);
      await store.sessions.touch(session.id, '2023-09-01T05:00:00.000Z');
      expect((await store.sessions.findByDigest('digest-1'))?.session.lastSeenAt).toBe(
        '2023-09-01T05:00:00.000Z',
      );
      expect(await store.sessions.deleteExpired('2023-09-03T00:00:00.000Z')).toBe(1);
      expect(await store.sessions.findByDigest('digest-1')).toBeNull();
      const log = JSON.stringify(await store.audit.list({ entityType: 'session' }));
      expect(log).not.toContain('digest-1');
      expect(JSON.stringify(await store.audit.list({ entityType: 'user' }))).not.toContain(
        'scrypt$x',
      );
      await store.settings.set(ORGANISER, 'setup', { digest: 'abc', n: 1 });
      expect(await store.settings.get('setup')).toEqual({ digest: 'abc', n: 1 });
      await store.settings.delete(ORGANISER, 'setup');
      expect(await store.settings.get('setup')).toBeNull();
      expect(await store.users.count()).toBeGreaterThanOrEqual(1);
    });

    it('rolls a transaction back on a throw and on a failed Result, audit included', async () => {
      const auditBefore = await store.audit.count();
      await expect(
        store.transaction(async (tx) => {
          value(await tx.units.create(ORGANISER, { code: 'TX-1', name: 'a', parentId: null }));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      const failed = await store.transaction(async (tx) => {
        value(await tx.units.create(ORGANISER, { code: 'TX-2', name: 'b', parentId: null }));
        return tx.units.create(ORGANISER, { code: 'TX-2', name: 'again', parentId: null });
      });
      expect(failure(failed)).toBe('conflict');
      expect(await store.units.getByCode('TX-1')).toBeNull();
      expect(await store.units.getByCode('TX-2')).toBeNull();
      expect(await store.audit.count()).toBe(auditBefore);
      const done = await store.transaction(async (tx) => {
        const a = value(
          await tx.units.create(ORGANISER, { code: 'TX-3', name: 'c', parentId: null }),
        );
        return tx.units.create(ORGANISER, { code: 'TX-4', name: 'd', parentId: a.id });
      });
      expect(value(done).code).toBe('TX-4');
      expect(await store.audit.count()).toBe(auditBefore + 2);
    });

    it('answers conflict, not an exception, when two writers take the same code at once', async () => {
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          store.units.create(ORGANISER, { code: 'RACE', name: 'Đua', parentId: null }),
        ),
      );
      expect(results.filter((r) => r.ok).length).toBe(1);
      expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code))).toEqual(
        Array(5).fill('conflict'),
      );
    });

    it('refuses the root store inside a transaction instead of waiting forever', async () => {
      await expect(
        store.transaction(async () => {
          await store.units.get('x');
        }),
      ).rejects.toThrow('store_misuse');
      await expect(
        store.transaction(() => store.transaction(() => Promise.resolve(1))),
      ).rejects.toThrow('store_misuse');
      await expect(
        store.transaction(() =>
          store.units.create(ORGANISER, { code: 'G', name: 'g', parentId: null }),
        ),
      ).rejects.toThrow('store_misuse');
      // Outside, and concurrently from another async context, the store works.
      const [inside, outside] = await Promise.all([
        store.transaction(async (tx) => (await tx.units.getByCode('TU'))?.code),
        store.units.getByCode('TU'),
      ]);
      expect([inside, outside?.code]).toEqual(['TU', 'TU']);
    });

    it('chains every change in the audit log without forks under concurrent writes', async () => {
      const before = await store.audit.count();
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          store.units.create(ORGANISER, { code: `PAR-${i}`, name: `Đơn vị ${i}`, parentId: null }),
        ),
      );
      expect(await store.audit.count()).toBe(before + 30);
      const check = await store.audit.verifyChain();
      expect(check.problems).toEqual([]);
      expect(check.ok).toBe(true);
      expect(check.entries).toBe(before + 30);
      const entries = await store.audit.list({ limit: 1000 });
      expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
      const event = await store.audit.append(ORGANISER, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: 'unknown',
        after: { ratio: 0.5 },
      });
      expect(event.seq).toBe(before + 31);
    });

    it('detects an edited old audit entry', async () => {
      expect((await store.audit.verifyChain()).ok).toBe(true);
      await h.rawExec(`UPDATE audit_log SET after_json = '{"name":"đã sửa"}' WHERE seq = 3`);
      const check = await store.audit.verifyChain();
      expect(check.ok).toBe(false);
      expect(check.problems).toContainEqual(
        expect.objectContaining({ seq: 3, check: 'entry_hash' }),
      );
      await h.rawExec(`UPDATE audit_log SET hash = '${'f'.repeat(64)}' WHERE seq = 3`);
      const relinked = await store.audit.verifyChain();
      expect(relinked.problems.map((p) => [p.seq, p.check])).toEqual([
        [3, 'entry_hash'],
        [4, 'prev_link'],
      ]);
      await h.rawExec('DELETE FROM audit_log WHERE seq = 5');
      expect((await store.audit.verifyChain()).problems).toContainEqual(
        expect.objectContaining({ seq: 6, check: 'sequence' }),
      );
    });
  });
}
