// Kết quả — the result by the rules engine, the head's confirmation (locks it), corrections as revisions, projector.

import { z } from 'zod';
import { checkAccounting, checkAggregate } from '../../core/counting/index.js';
import { err, ok, type Failure, type Result } from '../../rules/index.js';
import type { Repositories } from '../../store/index.js';
import { requireRole } from '../auth/policy.js';
import {
  countConference,
  draftResult,
  phaseOf,
  quorumStatus,
  resultFromSnapshot,
  type RevisionData,
  type SheetSnapshot,
} from '../conference-day/count-conference.js';
import { conferenceOf, headOf } from '../conference-day/guards.js';
import type { Actor, Conference, ResultRevision } from '../../core/model/index.js';
import { actorOf, type AppDeps } from '../deps.js';
import { fail } from '../errors.js';
import { defineRoute, type Route } from '../http/route.js';
import {
  CONFERENCE_RESULT,
  PROJECTOR_VIEW,
  RESULT_REVISION,
  type ConferenceResultDto,
} from './conference-day-schemas.js';
import { ID } from './schemas.js';

const CONF = { conference: 'param:conferenceId' } as const;
const FROM_START = { committeeFromStart: true } as const;
const conferenceParams = z.object({ conferenceId: ID });
const COUNT = z.number().int().min(0).max(1_000_000);

/** The result a revision holds, as the API shows it. */
export function revisionResult(revision: ResultRevision): ConferenceResultDto {
  const data = revision.data as RevisionData;
  return {
    ...data.result,
    state: 'confirmed',
    revision: revision.revision,
    confirmedAt: revision.createdAt,
  };
}

/** Whether the result of this conference has been confirmed (and so is locked). */
export function isConfirmed(conference: Conference): boolean {
  return conference.status === 'confirmed' || conference.status === 'published';
}

/** The result in force: the latest revision once confirmed, else the draft. */
export async function currentResult(
  store: Repositories,
  conference: Conference,
): Promise<ConferenceResultDto> {
  if (isConfirmed(conference)) {
    const latest = await store.results.latest(conference.id);
    if (latest !== null) return revisionResult(latest);
  }
  return (await draftResult(store, conference)).dto;
}

/** Opens, updates or closes the follow-ups a result calls for (core follow-up.ts). */
export async function syncFollowUps(
  tx: Repositories,
  actor: Actor,
  conferenceId: string,
  result: ConferenceResultDto,
) {
  return tx.followUps.syncWithResult(
    actor,
    conferenceId,
    result.persons.flatMap((p) =>
      p.outcome === 'none' || p.followUp === null
        ? []
        : [
            {
              subjectId: p.subjectId,
              personId: p.personId,
              fullName: p.fullName,
              outcome: p.outcome,
              kind: p.followUp,
            },
          ],
    ),
  );
}

/** Applies a correction to the latest inputs; each changed sheet is checked as on the day. */
function correctedSnapshot(
  base: readonly SheetSnapshot[],
  changes: readonly {
    sheetId: string;
    accounting?: { issued: number; collected: number; spoiledExchanged: number } | undefined;
    persons: readonly {
      subjectId: string;
      high: number;
      confidence: number;
      low: number;
      invalid: number;
    }[];
  }[],
): Result<SheetSnapshot[], Failure> {
  const out = base.map((s) => ({ ...s, persons: [...s.persons] }));
  for (const change of changes) {
    const sheet = out.find((s) => s.sheetId === change.sheetId);
    if (!sheet)
      return err(fail('not_found', `No sheet "${change.sheetId}" in this result.`, 'sheets'));
    const accounting = change.accounting ?? sheet.accounting;
    const checked = checkAccounting(accounting);
    if (!checked.ok) return checked;
    const given = new Map(change.persons.map((p) => [p.subjectId, p]));
    const stranger = change.persons.find(
      (p) => !sheet.persons.some((q) => q.subjectId === p.subjectId),
    );
    if (stranger)
      return err(
        fail(
          'invalid_input',
          `Subject ${stranger.subjectId} is not on sheet ${sheet.sheetId}.`,
          'sheets',
        ),
      );
    const persons = sheet.persons.map((p) => {
      const g = given.get(p.subjectId);
      return g
        ? { ...p, high: g.high, confidence: g.confidence, low: g.low, invalid: g.invalid }
        : p;
    });
    const sums = checkAggregate(
      accounting.collected,
      persons.map((p) => ({ ...p, name: p.fullName })),
    );
    if (!sums.ok) return sums;
    Object.assign(sheet, { accounting, persons });
  }
  return ok(out);
}

/** Result and projector routes. */
export function resultRoutes(deps: AppDeps): Route[] {
  const { store } = deps;
  return [
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/result',
      tag: 'conference-day',
      summary:
        'The result: blockers while counting, ready for confirmation, or the confirmed revision',
      params: conferenceParams,
      response: CONFERENCE_RESULT,
      authorize: requireRole(['organiser', 'inspector', 'counting-committee'], CONF, FROM_START),
      handler: async ({ params, location }) => {
        const conference = await conferenceOf(store, params.conferenceId, location);
        if (!conference.ok) return conference;
        return ok(await currentResult(store, conference.value));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/conferences/{conferenceId}/result/confirm',
      tag: 'conference-day',
      summary: 'The head of the committee confirms the result: it is locked (revision 1)',
      params: conferenceParams,
      body: { kind: 'json', schema: z.object({ confirm: z.literal(true) }) },
      response: CONFERENCE_RESULT,
      authorize: requireRole(['counting-committee'], CONF, FROM_START),
      handler: async ({ params, principal, location }) => {
        const conference = await conferenceOf(store, params.conferenceId, location);
        if (!conference.ok) return conference;
        const head = await headOf(store, principal, params.conferenceId);
        if (!head.ok) return head;
        if (isConfirmed(conference.value))
          return err(fail('result_locked', 'The result is already confirmed.'));
        const draft = await draftResult(store, conference.value);
        if (draft.dto.state !== 'ready' || draft.snapshot === null) {
          const first = draft.dto.blockers[0];
          return err(
            fail(
              'result_not_ready',
              first ? `${first.code}: ${first.message}` : 'Nothing is counted yet.',
            ),
          );
        }
        if (conference.value.status !== 'counting')
          return err(fail('result_not_ready', 'Nothing is counted yet.'));
        const actor = actorOf(principal);
        const snapshot = draft.snapshot;
        const saved = await store.transaction(async (tx) => {
          const data: RevisionData = {
            snapshot,
            result: { ...draft.dto, state: 'confirmed', revision: 1 },
          };
          const revision = await tx.results.addRevision(actor, {
            conferenceId: params.conferenceId,
            reason: null,
            data,
          });
          if (!revision.ok) return revision;
          const moved = await tx.conferences.transition(actor, params.conferenceId, 'confirmed');
          if (!moved.ok) return moved;
          const follow = await syncFollowUps(tx, actor, params.conferenceId, data.result);
          return follow.ok ? revision : follow;
        });
        return saved.ok ? ok(revisionResult(saved.value)) : saved;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/result/revisions',
      tag: 'conference-day',
      summary: 'Every revision of the confirmed result, with the reason of each correction',
      params: conferenceParams,
      response: z.array(RESULT_REVISION),
      authorize: requireRole(['organiser', 'inspector', 'counting-committee'], CONF, FROM_START),
      handler: async ({ params }) => {
        const revisions = await store.results.revisions(params.conferenceId);
        return ok(
          revisions.map((r) => ({
            revision: r.revision,
            reason: r.reason,
            actor: r.actorLabel,
            createdAt: r.createdAt,
            result: revisionResult(r),
          })),
        );
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/conferences/{conferenceId}/result/revisions',
      tag: 'conference-day',
      summary:
        'Correct a confirmed result: a new revision with a reason (the head of the committee)',
      params: conferenceParams,
      body: {
        kind: 'json',
        schema: z.object({
          reason: z.string().max(2000),
          sheets: z
            .array(
              z.object({
                sheetId: z.string().min(1).max(64),
                accounting: z
                  .object({ issued: COUNT, collected: COUNT, spoiledExchanged: COUNT })
                  .optional(),
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
                  .max(500),
              }),
            )
            .min(1)
            .max(100),
        }),
      },
      status: 201,
      response: CONFERENCE_RESULT,
      authorize: requireRole(['counting-committee'], CONF, FROM_START),
      handler: async ({ params, body, principal, location }) => {
        const conference = await conferenceOf(store, params.conferenceId, location);
        if (!conference.ok) return conference;
        const head = await headOf(store, principal, params.conferenceId);
        if (!head.ok) return head;
        const reason = body.reason.normalize('NFC').trim();
        if (reason === '')
          return err(fail('reason_required', 'A correction needs a written reason.', 'reason'));
        const latest = await store.results.latest(params.conferenceId);
        if (!isConfirmed(conference.value) || latest === null)
          return err(
            fail('result_not_confirmed', 'Only a confirmed result is corrected by revision.'),
          );
        const snapshot = correctedSnapshot((latest.data as RevisionData).snapshot, body.sheets);
        if (!snapshot.ok) return snapshot;
        const computed = resultFromSnapshot(
          conference.value,
          snapshot.value,
          await store.participants.count(params.conferenceId),
        );
        if (!computed.ok) return computed;
        const actor = actorOf(principal);
        const previous = (latest.data as RevisionData).result;
        const result: ConferenceResultDto = {
          ...previous,
          ...computed.value,
          state: 'confirmed',
          revision: latest.revision + 1,
          blockers: [],
        };
        const saved = await store.transaction(async (tx) => {
          const revision = await tx.results.addRevision(actor, {
            conferenceId: params.conferenceId,
            reason,
            data: { snapshot: snapshot.value, result } satisfies RevisionData,
          });
          if (!revision.ok) return revision;
          const follow = await syncFollowUps(tx, actor, params.conferenceId, result);
          return follow.ok ? revision : follow;
        });
        return saved.ok ? ok(revisionResult(saved.value)) : saved;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/projector',
      tag: 'conference-day',
      summary:
        'Projector: quorum and progress (ballots entered / collected) during the count; the result only once confirmed',
      params: conferenceParams,
      response: PROJECTOR_VIEW,
      authorize: requireRole(
        ['organiser', 'inspector', 'counting-committee', 'voter'],
        CONF,
        FROM_START,
      ),
      handler: async ({ params, location }) => {
        const conference = await conferenceOf(store, params.conferenceId, location);
        if (!conference.ok) return conference;
        const c = conference.value;
        const [count, quorum, unit] = await Promise.all([
          countConference(store, c),
          quorumStatus(store, c),
          store.units.get(c.unitId),
        ]);
        // Progress only: how many ballots agree, never what they say (issue 4 §6).
        const sheets = count.sheets.map((s) => {
          const collected = s.accounting?.collected ?? 0;
          const entered =
            s.aggregate !== null
              ? s.count.blockers.length === 0
                ? collected
                : 0
              : (s.count.reconciliation?.agreed.length ?? 0);
          return { sheetId: s.def.sheetId, name: s.def.name, ballotsEntered: entered, collected };
        });
        const latest = isConfirmed(c) ? await store.results.latest(c.id) : null;
        const election = await store.elections.get(c.id);
        const ballots = election ? await store.elections.ballotCounts(c.id) : null;
        return ok({
          conferenceId: c.id,
          title: c.title,
          unitName: unit?.name ?? '',
          date: c.date,
          phase: phaseOf(c.status),
          quorum: {
            present: quorum.present,
            summoned: quorum.summoned,
            threshold: quorum.threshold,
            met: quorum.met,
          },
          progress: {
            ballotsEntered: sheets.reduce((n, s) => n + s.ballotsEntered, 0),
            collected: sheets.reduce((n, s) => n + s.collected, 0),
            sheets,
          },
          result: latest === null ? null : revisionResult(latest),
          election:
            election && ballots
              ? {
                  status: election.status,
                  ballotsReceived: ballots.credentials,
                  present: quorum.present,
                }
              : null,
        });
      },
    }),
  ];
}
