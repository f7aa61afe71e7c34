// Issue 4 §3–§5 with two ballot styles: one sheet counted by hand (aggregate entry, checked line by line), the
// other entered ballot by ballot; a person on both styles is tallied over both (QĐ 96 Điều 6 k3), on SQLite
// and PostgreSQL.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/store/index.js';
import type {
  ConferenceResultDto,
  CountingOverviewDto,
  ProjectorViewDto,
} from '../../src/server/api-types.js';
import { buildDayWorld, type DayWorld } from './conference-day-world.js';
import { openTestApp, sessionClient, type Client, type TestApp } from './harness.js';

async function errorCode(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

describe.each(['sqlite', 'postgres'] as const)('aggregate entry and ballot styles (%s)', (kind) => {
  let t: TestApp;
  let w: DayWorld;
  let C: string;
  let head: Client;
  let member: Client;
  let style1: string;
  let style2: string;

  beforeAll(async () => {
    t = await openTestApp(kind);
    w = await buildDayWorld(t, { persons: 2, participants: 4, unitCode: 'SXD' });
    C = `/api/conferences/${w.conferenceId}`;
    const [s1, s2] = w.subjectIds;
    const mk = async (name: string, subjectIds: string[]) => {
      const r = await t.store.ballotStyles.create(SYSTEM_ACTOR, {
        conferenceId: w.conferenceId,
        name,
        subjectIds,
      });
      if (!r.ok) throw new Error(r.error.message);
      return r.value.id;
    };
    style1 = await mk('Phiếu số 1', [s1!, s2!]);
    style2 = await mk('Phiếu số 2', [s1!]);
    for (const [i, id] of w.participantIds.entries()) {
      const r = await t.store.participants.update(SYSTEM_ACTOR, id, {
        ballotStyleId: i < 3 ? style1 : style2,
      });
      if (!r.ok) throw new Error(r.error.message);
      await t.store.participants.setAttendance(SYSTEM_ACTOR, id, 'present');
    }
    await w.organiser.json('POST', `${C}/start`, { start: true });
    const [u1, u2] = w.committeeUsers;
    await w.organiser.json(
      'POST',
      `${C}/committee`,
      { fullName: 'Trưởng ban', isHead: true, userId: u1 },
      201,
    );
    await w.organiser.json('POST', `${C}/committee`, { fullName: 'Ủy viên', userId: u2 }, 201);
    head = await sessionClient(t, u1!);
    member = await sessionClient(t, u2!);
  }, 60_000);
  afterAll(async () => t?.close());

  it('lists one sheet per style (no shared sheet when every participant has a style)', async () => {
    const overview = await head.json<CountingOverviewDto>('GET', `${C}/counting`);
    expect(overview.sheets.map((s) => [s.name, s.lines.length])).toEqual([
      ['Phiếu số 1', 2],
      ['Phiếu số 2', 1],
    ]);
    const missing = await head.request('PUT', `${C}/counting/sheets/all/accounting`, {
      issued: 1,
      collected: 1,
      spoiledExchanged: 0,
    });
    expect(missing.status).toBe(404);
  });

  it('checks aggregate totals against the ballots collected, and keeps the two ways of counting apart', async () => {
    const [s1, s2] = w.subjectIds;
    const early = await head.request('PUT', `${C}/counting/sheets/${style1}/aggregate`, {
      persons: [{ subjectId: s1, high: 3, confidence: 0, low: 0, invalid: 0 }],
    });
    expect(await errorCode(early)).toBe('accounting_missing');
    await head.json('PUT', `${C}/counting/sheets/${style1}/accounting`, {
      issued: 3,
      collected: 3,
      spoiledExchanged: 0,
    });
    await head.json('PUT', `${C}/counting/sheets/${style2}/accounting`, {
      issued: 1,
      collected: 1,
      spoiledExchanged: 0,
    });
    const bad = await head.request('PUT', `${C}/counting/sheets/${style1}/aggregate`, {
      persons: [
        { subjectId: s1, high: 3, confidence: 0, low: 0, invalid: 0 },
        { subjectId: s2, high: 1, confidence: 0, low: 1, invalid: 0 },
      ],
    });
    expect(bad.status).toBe(422);
    expect(await errorCode(bad)).toBe('aggregate_mismatch');
    await member.json('PUT', `${C}/counting/sheets/${style1}/aggregate`, {
      persons: [
        { subjectId: s1, high: 3, confidence: 0, low: 0, invalid: 0 },
        { subjectId: s2, high: 0, confidence: 1, low: 2, invalid: 0 },
      ],
    });
    const mixed = await head.request('PUT', `${C}/counting/sheets/${style1}/ballots/1/a`, {
      clientId: 'x',
      version: 1,
      void: false,
      marks: '11',
    });
    expect(await errorCode(mixed)).toBe('counting_mode_conflict');
    for (const [who, slot] of [
      [head, 'a'],
      [member, 'b'],
    ] as const) {
      await who.json('PUT', `${C}/counting/sheets/${style2}/ballots/1/${slot}`, {
        clientId: `s2-${slot}`,
        version: 1,
        void: false,
        marks: '2',
      });
    }
    const projector = await w.organiser.json<ProjectorViewDto>('GET', `${C}/projector`);
    expect(projector.progress).toMatchObject({ ballotsEntered: 4, collected: 4 });
    expect(projector.result).toBeNull();
  });

  it('tallies a person on every style that lists them, on the rule’s base', async () => {
    const result = await head.json<ConferenceResultDto>('GET', `${C}/result`);
    expect(result.state).toBe('ready');
    const [p1, p2] = result.persons;
    expect(p1).toMatchObject({
      issued: 4,
      collected: 4,
      base: 4,
      high: { count: 3, percent: '75.00' },
      confidence: { count: 1, percent: '25.00' },
    });
    expect(p2).toMatchObject({
      issued: 3,
      collected: 3,
      base: 3,
      low: { count: 2, percent: '66.67' },
      outcome: 'two-thirds-low',
    });
    expect(result.summary).toMatchObject({ reached: 1, total: 2 });
  });
});
