// Đợt lấy phiếu / Kế hoạch — rounds: plan number and date, issuing body, rule set, year, units, deadlines.

import { z } from 'zod';
import {
  err,
  ok,
  PLAN_DEADLINES,
  RULE_SET_IDS,
  type PlaceKind,
  type RuleSetId,
} from '../../rules/index.js';
import { requireRole } from '../auth/policy.js';
import { actorOf, type AppDeps } from '../deps.js';
import { fail } from '../errors.js';
import { defineRoute, type Route } from '../http/route.js';
import { DATE, ID, text } from './schemas.js';
import { organiserReaches, reachableUnitIds } from './units.js';

/** Rule sets a new round may use (the historic ones are for reading old results only). */
export const CURRENT_RULE_SETS = ['qd96-2023', 'nq96-2023'] as const satisfies readonly RuleSetId[];

const PLACE_KINDS = [
  'highest-party-committee',
  'peoples-council',
  'workplace',
] as const satisfies readonly PlaceKind[];

/** Days before the conference for each preparation step (rules.md §3.8; defaults 20, 15, 10, 3). */
export const DEADLINES = z
  .object({
    reportToOffice: z.number().int().min(0).max(365),
    distributionToVoters: z.number().int().min(0).max(365),
    questionsForwarded: z.number().int().min(0).max(365),
    answers: z.number().int().min(0).max(365),
  })
  .meta({ id: 'Deadlines' });

/** Số, ngày, cơ quan ban hành of a plan: "277-KH/TU ngày 28/7/2023, Ban Thường vụ Thành ủy". */
export const PLAN = z
  .object({ number: text(100), date: DATE.nullable(), issuingBody: text(300) })
  .meta({ id: 'PlanReference' });

/** A round as the API shows it. */
export const ROUND = z
  .object({
    id: ID,
    plan: z.object({ number: z.string(), date: z.string().nullable(), issuingBody: z.string() }),
    title: z.string(),
    ruleSetId: z.enum(RULE_SET_IDS as [RuleSetId, ...RuleSetId[]]),
    year: z.number().int(),
    unitIds: z.array(ID),
    deadlines: DEADLINES,
    placePriority: z.array(z.enum(PLACE_KINDS)),
    sample: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Round' });

/** A round as the API shows it. */
export type RoundDto = z.infer<typeof ROUND>;

const ROUND_FIELDS = {
  plan: PLAN,
  title: text(300),
  ruleSetId: z.enum(CURRENT_RULE_SETS),
  year: z.number().int().min(2000).max(2100),
  unitIds: z.array(ID).min(1).max(2000),
  deadlines: DEADLINES,
  placePriority: z.array(z.enum(PLACE_KINDS)).min(1).max(3),
};

/** The round routes. */
export function roundRoutes(deps: AppDeps): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/rounds',
      tag: 'rounds',
      summary: 'Rounds with a participating unit the caller reaches, newest first',
      response: z.array(ROUND),
      authorize: requireRole(['organiser', 'inspector', 'competent-authority']),
      handler: async ({ principal }) => {
        const reach = await reachableUnitIds(deps, principal);
        return ok(
          await deps.store.rounds.list(reach === null ? undefined : { unitIds: [...reach] }),
        );
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/rounds/defaults',
      tag: 'rounds',
      summary:
        'Default deadlines (days before each conference, rules.md §3.8) and the rule sets a round may use',
      response: z.object({ deadlines: DEADLINES, ruleSets: z.array(z.enum(CURRENT_RULE_SETS)) }),
      authorize: requireRole(['organiser']),
      handler: () =>
        Promise.resolve(ok({ deadlines: { ...PLAN_DEADLINES }, ruleSets: [...CURRENT_RULE_SETS] })),
    }),
    defineRoute({
      method: 'post',
      path: '/api/rounds',
      tag: 'rounds',
      summary:
        'Create a round (Tạo đợt lấy phiếu) for units the organiser reaches; deadlines default to 20/15/10/3 days',
      body: {
        kind: 'json',
        schema: z.object({
          ...ROUND_FIELDS,
          deadlines: DEADLINES.optional(),
          placePriority: ROUND_FIELDS.placePriority.optional(),
        }),
      },
      status: 201,
      response: ROUND,
      authorize: requireRole(['organiser']),
      handler: async ({ body, principal }) => {
        for (const [i, unitId] of body.unitIds.entries()) {
          if (!(await organiserReaches(deps, principal, unitId))) {
            return err(
              fail('forbidden', 'A round may only include units you organise.', `unitIds.${i}`),
            );
          }
        }
        return deps.store.rounds.create(actorOf(principal), {
          plan: body.plan,
          title: body.title,
          ruleSetId: body.ruleSetId,
          year: body.year,
          unitIds: body.unitIds,
          ...(body.deadlines === undefined ? {} : { deadlines: body.deadlines }),
          ...(body.placePriority === undefined ? {} : { placePriority: body.placePriority }),
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/rounds/{roundId}',
      tag: 'rounds',
      summary: 'One round',
      params: z.object({ roundId: ID }),
      response: ROUND,
      authorize: requireRole(['organiser', 'inspector', 'competent-authority'], {
        round: 'param:roundId',
      }),
      handler: async ({ params }) => {
        const round = await deps.store.rounds.get(params.roundId);
        return round === null ? err(fail('not_found', 'No such round.')) : ok(round);
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/api/rounds/{roundId}',
      tag: 'rounds',
      summary: 'Edit a round (plan, rule set, year, units, deadlines)',
      params: z.object({ roundId: ID }),
      body: { kind: 'json', schema: z.object(ROUND_FIELDS).partial() },
      response: ROUND,
      authorize: requireRole(['organiser'], { round: 'param:roundId' }),
      handler: async ({ params, body, principal }) => {
        // Every unit of the round, old and new, must be the organiser's: no one edits a plan above them.
        const round = await deps.store.rounds.get(params.roundId);
        if (round === null) return err(fail('not_found', 'No such round.'));
        for (const unitId of new Set([...round.unitIds, ...(body.unitIds ?? [])])) {
          if (!(await organiserReaches(deps, principal, unitId))) {
            return err(
              fail('forbidden', 'This round includes units you do not organise.', 'unitIds'),
            );
          }
        }
        return deps.store.rounds.update(actorOf(principal), params.roundId, body);
      },
    }),
  ];
}
