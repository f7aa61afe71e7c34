// Issue 4 through the API on SQLite and PostgreSQL: roll call and quorum, the committee, ballot accounting,
// double entry with reconciliation, the result by the rules engine, confirmation, revisions, projector,
// publication scopes, the authority's table, and the follow-up with a paper no-confidence vote.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, Client, sessionClient, openTestApp, type TestApp } from './harness.js';
import { buildDayWorld, type DayWorld } from './conference-day-world.js';
import type {
  CheckInCodeDto,
  CommitteeCodeDto,
  CommitteeMemberDto,
  ConferenceResultDto,
  CountingSheetDto,
  FollowUpDto,
  ProjectorViewDto,
  ReconciliationDto,
  RollCallDto,
  RollCallMarkDto,
  BallotEntryDto,
  AuthorityTableDto,
  PublicationDto,
  ResultRevisionDto,
} from '../../src/server/api-types.js';

async function errorCode(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

// Ballots of the main scenario (3 lines): person 1 high, person 2 over half low (3/5), person 3 two thirds low (4/5).
const BALLOTS: { void: boolean; marks: string }[] = [
  { void: false, marks: '133' },
  { void: false, marks: '133' },
  { void: false, marks: '133' },
  { void: false, marks: '123' },
  { void: true, marks: '' },
];

describe.each(['sqlite', 'postgres'] as const)('conference day through the API (%s)', (kind) => {
  let t: TestApp;
  let w: DayWorld;
  let C: string;
  let head: Client;
  let second: Client;
  let third: Client;
  let outsider: Client;
  let counter = 0;
  const save = (
    who: Client,
    n: number,
    slot: 'a' | 'b',
    body: { void: boolean; marks: string; version?: number; clientId?: string },
  ) =>
    who.request('PUT', `${C}/counting/sheets/all/ballots/${n}/${slot}`, {
      clientId: body.clientId ?? `c-${++counter}`,
      version: body.version ?? 1,
      void: body.void,
      marks: body.marks,
    });

  beforeAll(async () => {
    t = await openTestApp(kind);
    w = await buildDayWorld(t, { persons: 3, participants: 6 });
    C = `/api/conferences/${w.conferenceId}`;
  }, 60_000);
  afterAll(async () => t?.close());

  it('opens the conference and elects the committee; members sign in with their account or a one-time code', async () => {
    // Committee rights begin at the start: before it, a grant holder is refused.
    const early = await sessionClient(
      t,
      await createUser(t.store, `early-${kind}`, [
        { role: 'counting-committee', conferenceId: w.conferenceId },
      ]),
    );
    expect((await early.request('GET', `${C}/counting`)).status).toBe(403);
    await w.organiser.json('POST', `${C}/start`, { start: true });
    expect((await early.request('GET', `${C}/counting`)).status).toBe(200);
    outsider = early;

    const [u1, u2, u3] = w.committeeUsers;
    const m1 = await w.organiser.json<CommitteeMemberDto>(
      'POST',
      `${C}/committee`,
      { fullName: 'Hoàng Thị Hạnh', isHead: true, userId: u1 },
      201,
    );
    await w.organiser.json('POST', `${C}/committee`, { fullName: 'Lý Văn Minh', userId: u2 }, 201);
    await w.organiser.json('POST', `${C}/committee`, { fullName: 'Vi Thị Thu', userId: u3 }, 201);
    expect(m1).toMatchObject({ isHead: true, userId: u1 });
    head = await sessionClient(t, u1!);
    second = await sessionClient(t, u2!);
    third = await sessionClient(t, u3!);
    expect(
      (await head.json<{ member: CommitteeMemberDto }>('GET', `${C}/committee/me`)).member.id,
    ).toBe(m1.id);

    // A member without an account: a one-time code, consumed on first use.
    const m4 = await w.organiser.json<CommitteeMemberDto>(
      'POST',
      `${C}/committee`,
      { fullName: 'Nông Văn Tư' },
      201,
    );
    const code = await w.organiser.json<CommitteeCodeDto>(
      'POST',
      `${C}/committee/${m4.id}/code`,
      undefined,
      201,
    );
    expect(code.code).toMatch(/^[23456789A-HJ-NP-Z]{12}$/);
    const anon = new Client(t);
    const spaced = `${code.code.slice(0, 4)}-${code.code.slice(4).toLowerCase()}`;
    const signedIn = await anon.json<{ csrfToken: string; user: { username: string } }>(
      'POST',
      '/api/auth/committee-code',
      { code: spaced },
    );
    expect(signedIn.user.username).toBe(code.username);
    anon.csrf = signedIn.csrfToken;
    expect(
      (await anon.json<{ member: CommitteeMemberDto }>('GET', `${C}/committee/me`)).member.id,
    ).toBe(m4.id);
    const reused = await new Client(t).request('POST', '/api/auth/committee-code', {
      code: code.code,
    });
    expect(reused.status).toBe(401);
    // The organiser is not a member: counts are refused by role.
    expect(
      (
        await w.organiser.request('PUT', `${C}/counting/sheets/all/accounting`, {
          issued: 0,
          collected: 0,
          spoiledExchanged: 0,
        })
      ).status,
    ).toBe(403);
  });

  it('refuses to issue ballots until two thirds of those summoned are present (roll call by list and by code)', async () => {
    const roll = await w.organiser.json<RollCallDto>('GET', `${C}/roll-call`);
    expect(roll.quorum).toMatchObject({ summoned: 6, present: 0, threshold: 4, met: false });
    const refused = await head.request('PUT', `${C}/counting/sheets/all/accounting`, {
      issued: 5,
      collected: 0,
      spoiledExchanged: 0,
    });
    expect(refused.status).toBe(422);
    expect(await errorCode(refused)).toBe('quorum_not_met');

    for (const id of w.participantIds.slice(0, 3))
      await w.organiser.json('PUT', `${C}/roll-call/${id}`, { attendance: 'present' });
    const codes = await w.organiser.json<CheckInCodeDto[]>('GET', `${C}/check-in-codes`);
    expect(codes).toHaveLength(6);
    expect(new Set(codes.map((c) => c.code)).size).toBe(6);
    const fourth = codes.find((c) => c.participantId === w.participantIds[3])!;
    const wrong = await w.organiser.request('POST', `${C}/roll-call/check-in`, {
      code: 'ZZZZZZZZZZ',
    });
    expect(await errorCode(wrong)).toBe('check_in_code_unknown');
    const marked = await w.organiser.json<RollCallMarkDto>('POST', `${C}/roll-call/check-in`, {
      code: ` ${fourth.code.toLowerCase()} `,
    });
    expect(marked.participant.attendance).toBe('present');
    expect(marked.quorum).toMatchObject({ present: 4, threshold: 4, met: true });
    // Search ignores diacritics and case.
    const found = await w.organiser.json<RollCallDto>(
      'GET',
      `${C}/roll-call?search=dai%20bieu%20dh%20so%202`,
    );
    expect(found.participants.map((p) => p.fullName)).toEqual(['Đại biểu DH số 2']);
  });

  it('records ballots issued, collected and exchanged; more collected than issued is refused', async () => {
    const over = await head.request('PUT', `${C}/counting/sheets/all/accounting`, {
      issued: 5,
      collected: 6,
      spoiledExchanged: 0,
    });
    expect(over.status).toBe(422);
    expect(await errorCode(over)).toBe('collected_exceeds_issued');
    const notMember = await outsider.request('PUT', `${C}/counting/sheets/all/accounting`, {
      issued: 5,
      collected: 5,
      spoiledExchanged: 1,
    });
    expect(notMember.status).toBe(403);
    expect(await errorCode(notMember)).toBe('not_committee_member');
    const sheet = await second.json<CountingSheetDto>(
      'PUT',
      `${C}/counting/sheets/all/accounting`,
      {
        issued: 5,
        collected: 5,
        spoiledExchanged: 1,
      },
    );
    expect(sheet).toMatchObject({
      sheetId: 'all',
      accounting: { issued: 5, collected: 5, spoiledExchanged: 1 },
    });
    expect(sheet.lines).toHaveLength(3);
    const overview = await head.json<{ status: string }>('GET', `${C}/counting`);
    expect(overview.status).toBe('counting');
  });

  it('takes two independent entries per ballot, idempotently, and shows disagreements side by side', async () => {
    for (const [i, b] of BALLOTS.entries()) {
      const a = await save(head, i + 1, 'a', b);
      expect(a.status).toBe(200);
      if (i === 4) {
        // The same member (even the head) cannot do both entries of one ballot.
        const both = await save(head, 5, 'b', b);
        expect(await errorCode(both)).toBe('same_member_both_entries');
      }
      // Ballot 3 is misread by the second member on line 3.
      const second_ = await save(second, i + 1, 'b', i === 2 ? { ...b, marks: '132' } : b);
      expect(second_.status).toBe(200);
    }
    // A retry of a save whose answer was lost: the same clientId and version is a replay, not a new entry.
    const first = await save(head, 1, 'a', {
      void: false,
      marks: '133',
      version: 2,
      clientId: 'retry-1',
    });
    expect(first.status).toBe(200);
    const replay = await save(head, 1, 'a', {
      void: false,
      marks: '133',
      version: 2,
      clientId: 'retry-1',
    });
    expect(((await replay.json()) as BallotEntryDto).replayed).toBe(true);
    const stale = await save(head, 1, 'a', {
      void: false,
      marks: '111',
      version: 2,
      clientId: 'other',
    });
    expect(await errorCode(stale)).toBe('entry_version_conflict');
    // A member cannot overwrite another member's slot (only the head corrects, keeping the slot's member).
    const taken = await save(third, 2, 'b', { void: false, marks: '111', version: 2 });
    expect(await errorCode(taken)).toBe('entry_slot_taken');
    const badKey = await save(third, 2, 'a', { void: false, marks: '19' });
    expect(badKey.status).toBe(400);
    const beyond = await save(third, 6, 'a', { void: false, marks: '111' });
    expect(await errorCode(beyond)).toBe('ballot_number_out_of_range');

    const rec = await head.json<ReconciliationDto>(
      'GET',
      `${C}/counting/sheets/all/reconciliation`,
    );
    expect(rec.agreed).toBe(4);
    expect(rec.differences.map((d) => [d.ballotNumber, d.a?.marks, d.b?.marks, d.lines])).toEqual([
      [3, '133', '132', [2]],
    ]);
    const mine = await second.json<BallotEntryDto[]>(
      'GET',
      `${C}/counting/sheets/all/ballots?slot=b`,
    );
    expect(mine.map((e) => e.ballotNumber)).toEqual([1, 2, 3, 4, 5]);

    // Nothing is final before the entries agree.
    const result = await head.json<ConferenceResultDto>('GET', `${C}/result`);
    expect(result.state).toBe('counting');
    expect(result.blockers.map((b) => b.code)).toEqual(['entries_differ']);
    expect(result.persons).toEqual([]);
    const early = await head.request('POST', `${C}/result/confirm`, { confirm: true });
    expect(await errorCode(early)).toBe('result_not_ready');
  });

  it('keeps per-person figures off the projector until the head confirms', async () => {
    const view = await w.organiser.json<ProjectorViewDto>('GET', `${C}/projector`);
    expect(view.phase).toBe('counting');
    expect(view.progress).toMatchObject({ ballotsEntered: 4, collected: 5 });
    expect(view.result).toBeNull();
    const text = JSON.stringify(view);
    for (const word of ['Nguyễn Văn', 'percent', '"high"', '"low"', 'persons'])
      expect(text).not.toContain(word);
  });

  it('computes the result by the rules once the entries agree; the head confirms and it is locked', async () => {
    const fixed = await save(second, 3, 'b', { void: false, marks: '133', version: 2 });
    expect(fixed.status).toBe(200);
    const ready = await head.json<ConferenceResultDto>('GET', `${C}/result`);
    expect(ready.state).toBe('ready');
    const [p1, p2, p3] = ready.persons;
    expect(p1).toMatchObject({
      issued: 5,
      collected: 5,
      base: 5,
      validLines: 4,
      invalidLines: 1,
      high: { count: 4, percent: '80.00' },
      outcome: 'none',
      followUp: null,
    });
    expect(p2).toMatchObject({
      low: { count: 3, percent: '60.00' },
      outcome: 'over-half-low',
      followUp: 'resign-or-no-confidence-vote',
    });
    expect(p3).toMatchObject({
      low: { count: 4, percent: '80.00' },
      outcome: 'two-thirds-low',
      followUp: 'flag-for-authority',
    });
    expect(p3!.bandMeaning.vi.length).toBeGreaterThan(0);
    expect(ready.summary).toMatchObject({ reached: 0, total: 3, share: 90 });

    const notHead = await second.request('POST', `${C}/result/confirm`, { confirm: true });
    expect(await errorCode(notHead)).toBe('not_committee_head');
    const confirmed = await head.json<ConferenceResultDto>('POST', `${C}/result/confirm`, {
      confirm: true,
    });
    expect(confirmed).toMatchObject({ state: 'confirmed', revision: 1 });
    const locked = await save(second, 1, 'b', { void: true, marks: '', version: 2 });
    expect(await errorCode(locked)).toBe('result_locked');
    const accounting = await head.request('PUT', `${C}/counting/sheets/all/accounting`, {
      issued: 5,
      collected: 4,
      spoiledExchanged: 0,
    });
    expect(await errorCode(accounting)).toBe('result_locked');
    const view = await w.organiser.json<ProjectorViewDto>('GET', `${C}/projector`);
    expect(view.result?.persons.map((p) => p.high.count)).toEqual([4, 0, 0]);
  });

  it('corrects a confirmed result only as a new revision with a reason, logged', async () => {
    const noReason = await head.request('POST', `${C}/result/revisions`, {
      reason: '  ',
      sheets: [{ sheetId: 'all', persons: [] }],
    });
    expect(await errorCode(noReason)).toBe('reason_required');
    const mismatch = await head.request('POST', `${C}/result/revisions`, {
      reason: 'Nhập nhầm',
      sheets: [
        {
          sheetId: 'all',
          persons: [{ subjectId: w.subjectIds[0], high: 5, confidence: 0, low: 0, invalid: 1 }],
        },
      ],
    });
    expect(await errorCode(mismatch)).toBe('aggregate_mismatch');
    const revised = await head.json<ConferenceResultDto>(
      'POST',
      `${C}/result/revisions`,
      {
        reason: 'Phiếu số 5 hợp lệ theo biên bản',
        sheets: [
          {
            sheetId: 'all',
            persons: [{ subjectId: w.subjectIds[0], high: 5, confidence: 0, low: 0, invalid: 0 }],
          },
        ],
      },
      201,
    );
    expect(revised).toMatchObject({ revision: 2, state: 'confirmed' });
    expect(revised.persons[0]?.high).toEqual({ count: 5, percent: '100.00' });
    const revisions = await w.organiser.json<ResultRevisionDto[]>('GET', `${C}/result/revisions`);
    expect(revisions.map((r) => [r.revision, r.reason])).toEqual([
      [1, null],
      [2, 'Phiếu số 5 hợp lệ theo biên bản'],
    ]);
    const log = await t.store.audit.list({
      entityType: 'conference',
      entityId: w.conferenceId,
      limit: 1000,
    });
    expect(log.some((e) => e.action === 'result.revise')).toBe(true);
    // Secrecy: the log never holds a ballot's marks.
    const entries = await t.store.audit.list({ entityType: 'ballot_entry', limit: 1000 });
    expect(entries.length).toBeGreaterThan(0);
    expect(JSON.stringify(entries)).not.toMatch(/"marks"/);
  });

  it('opens follow-ups: the organiser calls a paper no-confidence vote, the committee records it', async () => {
    const list = await w.organiser.json<FollowUpDto[]>('GET', `${C}/follow-ups`);
    expect(list.map((f) => [f.outcome, f.kind, f.decision]).sort()).toEqual([
      ['over-half-low', 'resign-or-no-confidence-vote', 'pending'],
      ['two-thirds-low', 'flag-for-authority', 'pending'],
    ]);
    const f = list.find((x) => x.outcome === 'over-half-low')!;
    const early = await head.request('PUT', `${C}/follow-ups/${f.id}/vote`, {
      issued: 5,
      collected: 5,
      trust: 2,
      noTrust: 3,
    });
    expect(await errorCode(early)).toBe('state_conflict');
    await w.organiser.json('PATCH', `${C}/follow-ups/${f.id}`, { decision: 'no-confidence-vote' });
    const tooMany = await head.request('PUT', `${C}/follow-ups/${f.id}/vote`, {
      issued: 5,
      collected: 5,
      trust: 3,
      noTrust: 3,
    });
    expect(await errorCode(tooMany)).toBe('counts_exceed_collected');
    const voted = await head.json<FollowUpDto>('PUT', `${C}/follow-ups/${f.id}/vote`, {
      issued: 5,
      collected: 5,
      trust: 2,
      noTrust: 3,
    });
    expect(voted.vote).toMatchObject({
      dismissalProposal: true,
      noTrustPercent: '60.00',
      invalid: 0,
    });
    const half = await head.json<FollowUpDto>('PUT', `${C}/follow-ups/${f.id}/vote`, {
      issued: 6,
      collected: 6,
      trust: 3,
      noTrust: 3,
    });
    expect(half.vote?.dismissalProposal).toBe(false);
  });

  it('publishes at a scope that only widens; the authority sees its units, the public only the aggregate', async () => {
    // A second unit of the same round that has not reported.
    await buildDayWorld(t, {
      persons: 1,
      participants: 2,
      unitCode: 'LB',
      provinceId: w.provinceId,
      roundId: w.roundId,
    });
    const none = await new Client(t).request(
      'GET',
      `/api/public/conferences/${w.conferenceId}/summary`,
    );
    expect(none.status).toBe(404);
    const before = await w.authority.json<AuthorityTableDto>(
      'GET',
      `/api/rounds/${w.roundId}/authority-table`,
    );
    expect(before.rows).toEqual([]);
    expect(before.notReported).toHaveLength(2);

    const pub = await w.organiser.json<PublicationDto>('POST', `${C}/publication`, {
      scope: 'authority',
    });
    expect(pub.scope).toBe('authority');
    const table = await w.authority.json<AuthorityTableDto>(
      'GET',
      `/api/rounds/${w.roundId}/authority-table`,
    );
    expect(table.rows.map((r) => [r.conferenceId, r.revision, r.persons.length])).toEqual([
      [w.conferenceId, 2, 3],
    ]);
    expect(table.notReported.map((u) => u.unitName)).toEqual(['Huyện ủy LB']);
    expect(table.flagged.map((f) => f.outcome).sort()).toEqual(['over-half-low', 'two-thirds-low']);

    const narrower = await w.organiser.request('POST', `${C}/publication`, { scope: 'conference' });
    expect(await errorCode(narrower)).toBe('publication_scope_narrowing');
    const stillHidden = await new Client(t).request(
      'GET',
      `/api/public/conferences/${w.conferenceId}/summary`,
    );
    expect(stillHidden.status).toBe(404);
    await w.organiser.json('POST', `${C}/publication`, { scope: 'public' });
    const summary = await new Client(t).json<{ summary: { vi: string } }>(
      'GET',
      `/api/public/conferences/${w.conferenceId}/summary`,
    );
    expect(summary.summary.vi).toContain('3 đồng chí');
    expect(JSON.stringify(summary)).not.toContain('Nguyễn Văn');
    const status = await w.organiser.json<{ status: string }>('GET', `${C}`);
    expect(status.status).toBe('published');
  });
});
