// Kiểm phiếu — ballot accounting per sheet, ballot-by-ballot double entry with reconciliation, aggregate entry.

import { z } from 'zod';
import { checkAccounting, checkAggregate, isEntryComplete } from '../../core/counting/index.js';
import type {
  Actor,
  CommitteeMember,
  Conference,
  StoredBallotEntry,
} from '../../core/model/index.js';
import type { Principal } from '../auth/principal.js';
import { err, ok, type Failure, type Result } from '../../rules/index.js';
import type { Repositories } from '../../store/index.js';
import { requireRole, type Location } from '../auth/policy.js';
import {
  countConference,
  phaseOf,
  quorumStatus,
  sheetDto,
} from '../conference-day/count-conference.js';
import { conferenceOf, countsWritable, memberOf } from '../conference-day/guards.js';
import { loadSheets, type SheetDef } from '../conference-day/sheets.js';
import { actorOf, type AppDeps } from '../deps.js';
import { fail } from '../errors.js';
import { defineRoute, type Route } from '../http/route.js';
import {
  BALLOT_ENTRY,
  COUNTING_OVERVIEW,
  COUNTING_SHEET,
  RECONCILIATION,
  type BallotEntryDto,
} from './conference-day-schemas.js';
import { ID } from './schemas.js';

const CONF = { conference: 'param:conferenceId' } as const;
const FROM_START = { committeeFromStart: true } as const;
const SHEET_ID = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'expected a sheet id');
const sheetParams = z.object({ conferenceId: ID, sheetId: SHEET_ID });
const COUNT = z.number().int().min(0).max(1_000_000);

/** The sheet of a conference, or not_found. */
async function sheetOf(
  store: Repositories,
  conference: Conference,
  sheetId: string,
): Promise<Result<SheetDef, Failure>> {
  const sheet = (await loadSheets(store, conference)).find((s) => s.sheetId === sheetId);
  return sheet ? ok(sheet) : err(fail('not_found', `No sheet "${sheetId}" in this conference.`));
}

/** The conference, the caller's committee membership and the sheet, for a write of counts. */
async function memberWritingSheet(
  store: Repositories,
  principal: Principal | null,
  params: { conferenceId: string; sheetId: string },
  location: Location | null,
): Promise<Result<{ conference: Conference; member: CommitteeMember; sheet: SheetDef }, Failure>> {
  const conference = await conferenceOf(store, params.conferenceId, location);
  if (!conference.ok) return conference;
  const writable = countsWritable(conference.value);
  if (!writable.ok) return writable;
  const member = await memberOf(store, principal, params.conferenceId);
  if (!member.ok) return member;
  const sheet = await sheetOf(store, conference.value, params.sheetId);
  if (!sheet.ok) return sheet;
  return ok({ conference: conference.value, member: member.value, sheet: sheet.value });
}

/**
 * Moves an open conference to counting when the committee first records something (issue 4 phases). Run
 * after the write, not with it: two first saves at once both try, and the loser's refusal is harmless.
 */
async function startCounting(
  store: Repositories,
  actor: Actor,
  conference: Conference,
): Promise<void> {
  if (conference.status === 'open')
    await store.conferences.transition(actor, conference.id, 'counting');
}

/** Counting routes. */
export function countingRoutes(deps: AppDeps): Route[] {
  const { store } = deps;

  /** `writer`: the member who saved it, when known, spares reading the member again. */
  const entryDto = async (
    entry: StoredBallotEntry,
    lines: number,
    replayed = false,
    writer?: CommitteeMember,
  ): Promise<BallotEntryDto> => ({
    sheetId: entry.sheetId,
    ballotNumber: entry.ballotNumber,
    slot: entry.slot,
    memberId: entry.memberId,
    memberName:
      (writer?.id === entry.memberId ? writer : await store.committee.get(entry.memberId))
        ?.fullName ?? '',
    void: entry.void,
    marks: entry.marks,
    version: entry.version,
    complete: isEntryComplete(entry, lines),
    replayed,
  });

  return [
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/counting',
      tag: 'conference-day',
      summary: 'Where the count stands: sheets, their lines, accounting, entries and agreement',
      params: z.object({ conferenceId: ID }),
      response: COUNTING_OVERVIEW,
      authorize: requireRole(['organiser', 'inspector', 'counting-committee'], CONF, FROM_START),
      handler: async ({ params, location }) => {
        const conference = await conferenceOf(store, params.conferenceId, location);
        if (!conference.ok) return conference;
        const count = await countConference(store, conference.value);
        return ok({
          conferenceId: conference.value.id,
          status: conference.value.status,
          phase: phaseOf(conference.value.status),
          locked: !countsWritable(conference.value).ok,
          quorum: await quorumStatus(store, conference.value),
          sheets: count.sheets.map(sheetDto),
        });
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/conferences/{conferenceId}/counting/sheets/{sheetId}/accounting',
      tag: 'conference-day',
      summary:
        'Ballots issued, collected and spoiled-exchanged of a sheet (issuing needs the quorum)',
      params: sheetParams,
      body: {
        kind: 'json',
        schema: z.object({ issued: COUNT, collected: COUNT, spoiledExchanged: COUNT }),
      },
      response: COUNTING_SHEET,
      authorize: requireRole(['counting-committee'], CONF, FROM_START),
      handler: async ({ params, body, principal, location }) => {
        const target = await memberWritingSheet(store, principal, params, location);
        if (!target.ok) return target;
        const { conference } = target.value;
        const checked = checkAccounting(body);
        if (!checked.ok) return checked;
        // QĐ 96 (rules.md §3.7): no ballot is issued before 2/3 of those summoned are present.
        const quorum = await quorumStatus(store, conference);
        if (body.issued > 0 && !quorum.met) {
          return err(
            fail(
              'quorum_not_met',
              `${quorum.present} of ${quorum.summoned} present; at least ${quorum.threshold} are needed before ballots are issued.`,
              'issued',
            ),
          );
        }
        const actor = actorOf(principal);
        // One write per call: a concurrent first write loses on the primary key as `conflict`, not a 500.
        const saved = await store.counting.setAccounting(actor, {
          conferenceId: params.conferenceId,
          sheetId: params.sheetId,
          ...body,
        });
        if (!saved.ok) return saved;
        await startCounting(store, actor, conference);
        const count = await countConference(store, conference);
        return ok(sheetDto(count.sheets.find((s) => s.def.sheetId === params.sheetId)!));
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/conferences/{conferenceId}/counting/sheets/{sheetId}/ballots/{ballotNumber}/{slot}',
      tag: 'conference-day',
      summary:
        'Save one entry of one ballot (keys 1/2/3/0/x per line, void for v); idempotent by clientId + version',
      description:
        'version = 1 for a new entry, current + 1 to change it; a retry with the stored clientId and version answers replayed: true and writes nothing. The answer comes after the commit: saved means durable.',
      params: z.object({
        conferenceId: ID,
        sheetId: SHEET_ID,
        ballotNumber: z.coerce.number().int().min(1).max(1_000_000),
        slot: z.enum(['a', 'b']),
      }),
      body: {
        kind: 'json',
        schema: z.object({
          clientId: z.string().min(1).max(100),
          version: z.number().int().min(1),
          void: z.boolean(),
          marks: z
            .string()
            .max(2000)
            .regex(/^[0123xX]*$/, 'expected entry keys 1, 2, 3, 0 or x')
            .transform((s) => s.toLowerCase()),
        }),
      },
      response: BALLOT_ENTRY,
      authorize: requireRole(['counting-committee'], CONF, FROM_START),
      handler: async ({ params, body, principal, location }) => {
        const target = await memberWritingSheet(store, principal, params, location);
        if (!target.ok) return target;
        const { conference, member, sheet } = target.value;
        const lines = sheet.lines.length;
        if (body.marks.length > lines) {
          return err(
            fail(
              'invalid_input',
              `This ballot has ${lines} lines; got ${body.marks.length} keys.`,
              'marks',
            ),
          );
        }
        const figures = (await store.counting.accounting(params.conferenceId)).find(
          (a) => a.sheetId === params.sheetId,
        );
        if (!figures)
          return err(
            fail(
              'accounting_missing',
              'Record the ballots issued and collected of this sheet first.',
            ),
          );
        if (params.ballotNumber > figures.collected) {
          return err(
            fail(
              'ballot_number_out_of_range',
              `Ballot ${params.ballotNumber} is beyond the ${figures.collected} ballots collected.`,
              'ballotNumber',
            ),
          );
        }
        const actor = actorOf(principal);
        const saved = await store.counting.saveEntry(
          actor,
          {
            conferenceId: params.conferenceId,
            sheetId: params.sheetId,
            ballotNumber: params.ballotNumber,
            slot: params.slot,
            memberId: member.id,
            void: body.void,
            marks: body.marks,
            version: body.version,
            clientId: body.clientId,
          },
          // The head corrects either entry while the committee reconciles (issue 4 §4).
          { override: member.isHead },
        );
        if (!saved.ok) return saved;
        if (!saved.value.replayed) await startCounting(store, actor, conference);
        return ok(await entryDto(saved.value.entry, lines, saved.value.replayed, member));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/counting/sheets/{sheetId}/ballots',
      tag: 'conference-day',
      summary:
        "The caller's own entries (one slot, or both), to resume after a reload; [] for non-members",
      params: sheetParams,
      query: z.object({ slot: z.enum(['a', 'b']).optional() }),
      response: z.array(BALLOT_ENTRY),
      authorize: requireRole(['counting-committee'], CONF, FROM_START),
      handler: async ({ params, query, principal, location }) => {
        const conference = await conferenceOf(store, params.conferenceId, location);
        if (!conference.ok) return conference;
        const sheet = await sheetOf(store, conference.value, params.sheetId);
        if (!sheet.ok) return sheet;
        const member =
          principal === null
            ? null
            : await store.committee.memberFor(params.conferenceId, principal.userId);
        if (member === null) return ok([]);
        const mine = (await store.counting.entries(params.conferenceId, params.sheetId)).filter(
          (e) => (query.slot === undefined || e.slot === query.slot) && e.memberId === member.id,
        );
        return ok(await Promise.all(mine.map((e) => entryDto(e, sheet.value.lines.length))));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/counting/sheets/{sheetId}/reconciliation',
      tag: 'conference-day',
      summary:
        'Ballots whose two entries differ (or are missing), side by side, with the differing lines',
      params: sheetParams,
      response: RECONCILIATION,
      authorize: requireRole(['counting-committee'], CONF, FROM_START),
      handler: async ({ params, location }) => {
        const conference = await conferenceOf(store, params.conferenceId, location);
        if (!conference.ok) return conference;
        const count = await countConference(store, conference.value);
        const sheet = count.sheets.find((s) => s.def.sheetId === params.sheetId);
        if (!sheet)
          return err(fail('not_found', `No sheet "${params.sheetId}" in this conference.`));
        const lines = sheet.def.lines.length;
        const collected = sheet.accounting?.collected ?? 0;
        const stored = (n: number, slot: 'a' | 'b') =>
          sheet.entries.find((e) => e.ballotNumber === n && e.slot === slot) ?? null;
        const rec = sheet.count.reconciliation;
        // Half-typed entries are not in the reconciler's input; show them side by side too.
        const numbers = new Set<number>(rec?.differences.map((d) => d.ballotNumber) ?? []);
        for (const e of sheet.entries) if (!isEntryComplete(e, lines)) numbers.add(e.ballotNumber);
        const differences = await Promise.all(
          [...numbers]
            .sort((x, y) => x - y)
            .map(async (n) => {
              const a = stored(n, 'a');
              const b = stored(n, 'b');
              const differing: number[] = [];
              if (a && b && !(a.void && b.void)) {
                for (let i = 0; i < lines; i++)
                  if (a.void || b.void || a.marks[i] !== b.marks[i]) differing.push(i);
              }
              return {
                ballotNumber: n,
                a: a && (await entryDto(a, lines)),
                b: b && (await entryDto(b, lines)),
                lines: differing,
              };
            }),
        );
        const missing = (rec?.missing ?? []).filter((n) => !numbers.has(n));
        return ok({
          sheetId: params.sheetId,
          collected,
          agreed: rec?.agreed.length ?? 0,
          missing,
          differences,
          complete: sheet.count.blockers.length === 0,
        });
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/conferences/{conferenceId}/counting/sheets/{sheetId}/aggregate',
      tag: 'conference-day',
      summary:
        'Aggregate entry (counted by hand): totals per person; high + confidence + low + invalid = collected',
      params: sheetParams,
      body: {
        kind: 'json',
        schema: z.object({
          persons: z
            .array(
              z.object({
                subjectId: ID,
                high: COUNT,
                confidence: COUNT,
                low: COUNT,
                invalid: COUNT,
              }),
            )
            .min(1)
            .max(500),
        }),
      },
      response: COUNTING_SHEET,
      authorize: requireRole(['counting-committee'], CONF, FROM_START),
      handler: async ({ params, body, principal, location }) => {
        const target = await memberWritingSheet(store, principal, params, location);
        if (!target.ok) return target;
        const { conference, sheet } = target.value;
        const figures = (await store.counting.accounting(params.conferenceId)).find(
          (a) => a.sheetId === params.sheetId,
        );
        if (!figures)
          return err(
            fail(
              'accounting_missing',
              'Record the ballots issued and collected of this sheet first.',
            ),
          );
        const given = new Map(body.persons.map((p) => [p.subjectId, p]));
        const known = new Set(sheet.lines.map((l) => l.subjectId));
        const stranger = body.persons.find((p) => !known.has(p.subjectId));
        if (stranger)
          return err(
            fail('invalid_input', `Subject ${stranger.subjectId} is not on this sheet.`, 'persons'),
          );
        const ordered = sheet.lines.map((l) => ({
          name: l.fullName,
          subjectId: l.subjectId,
          ...(given.get(l.subjectId) ?? { high: 0, confidence: 0, low: 0, invalid: 0 }),
        }));
        const checked = checkAggregate(figures.collected, ordered);
        if (!checked.ok) return checked;
        const actor = actorOf(principal);
        const saved = await store.counting.setAggregate(
          actor,
          params.conferenceId,
          params.sheetId,
          ordered.map(({ subjectId, high, confidence, low, invalid }) => ({
            subjectId,
            high,
            confidence,
            low,
            invalid,
          })),
        );
        if (!saved.ok) return saved;
        await startCounting(store, actor, conference);
        const count = await countConference(store, conference);
        return ok(sheetDto(count.sheets.find((s) => s.def.sheetId === params.sheetId)!));
      },
    }),
  ];
}
