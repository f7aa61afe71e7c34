// Hội nghị — conferences: details, status, deadlines, the persons voted on (proposed, decided) and their accounts.

import { z } from 'zod';
import { canTransition } from '../../core/conference/conference-status.js';
import { preparationSchedule, vietnamDate } from '../../core/deadlines/preparation-deadlines.js';
import {
  CONFERENCE_STATUSES,
  effectiveDecision,
  type Conference,
  type ConferenceStatus,
  type Grant,
} from '../../core/model/index.js';
import { err, ok, RULE_SET_IDS, type RuleSetId } from '../../rules/index.js';
import { proposeConferenceSubjects } from '../../store/index.js';
import { createOneTimeAccount, ONE_TIME_ACCOUNT } from '../auth/one-time-account.js';
import { isOfficeAt, requireRole, type Location } from '../auth/policy.js';
import type { Principal } from '../auth/principal.js';
import { actorOf, type AppDeps } from '../deps.js';
import { fail } from '../errors.js';
import { defineRoute, type Route } from '../http/route.js';
import { PLAN } from './rounds.js';
import { DATE, ID, text } from './schemas.js';
import { reachableUnitIds } from './units.js';

const PLACE_KIND = z.enum(['highest-party-committee', 'peoples-council', 'workplace']);

/** A conference as the API shows it. */
export const CONFERENCE = z
  .object({
    id: ID,
    roundId: ID,
    unitId: ID,
    title: z.string(),
    date: DATE,
    place: z.string(),
    chair: z.string(),
    ruleSetId: z.enum(RULE_SET_IDS as [RuleSetId, ...RuleSetId[]]),
    placeKind: PLACE_KIND,
    countingMode: z.enum(['paper', 'electronic']),
    localPlan: z
      .object({ number: z.string(), date: z.string().nullable(), issuingBody: z.string() })
      .nullable(),
    status: z.enum(CONFERENCE_STATUSES as [ConferenceStatus, ...ConferenceStatus[]]),
    sample: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Conference' });

/** A conference as the API shows it. */
export type ConferenceDto = z.infer<typeof CONFERENCE>;

/** A person voted on (or proposed for exclusion) with the rule's reasons and the organiser's decision. */
export const SUBJECT = z
  .object({
    id: ID,
    conferenceId: ID,
    personId: ID,
    fullName: z.string(),
    positionHoldingIds: z.array(ID),
    title: z.string(),
    order: z.number().int(),
    proposal: z.enum(['vote', 'exclude']),
    exclusions: z.array(z.object({ reason: z.string(), detail: z.string() })),
    decision: z.enum(['vote', 'exclude']).nullable(),
    effectiveDecision: z.enum(['vote', 'exclude']),
    overrideReason: z.string().nullable(),
    decidedBy: ID.nullable(),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: 'ConferenceSubject' });

/** A subject as the API shows it. */
export type SubjectDto = z.infer<typeof SUBJECT>;

/** Due dates of the preparation steps and whether each has passed (rules.md §3.8). */
export const DEADLINE_DATES = z
  .object({
    today: DATE,
    conferenceDate: DATE,
    steps: z.array(
      z.object({
        step: z.enum(['reportToOffice', 'distributionToVoters', 'questionsForwarded', 'answers']),
        daysBefore: z.number().int(),
        due: DATE,
        passed: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'ConferenceDeadlines' });

const CONFERENCE_FIELDS = {
  title: text(300),
  date: DATE,
  place: text(300),
  chair: text(300),
  ruleSetId: z.enum(['qd96-2023', 'nq96-2023']).optional(),
  placeKind: PLACE_KIND.optional(),
  countingMode: z
    .literal('paper')
    .optional()
    .describe('Paper for now; electronic comes with a later issue.'),
  localPlan: PLAN.nullable().optional(),
};

const CONF = { conference: 'param:conferenceId' } as const;
const conferenceParams = z.object({ conferenceId: ID });

/** The conferences a principal's non-unit grants name (voter, counting committee). */
function grantConferenceIds(grants: readonly Grant[]): Set<string> {
  const ids = new Set<string>();
  for (const g of grants)
    if (g.role === 'voter' || g.role === 'counting-committee') ids.add(g.conferenceId);
  return ids;
}

/** The conference routes. */
export function conferenceRoutes(deps: AppDeps): Route[] {
  const { store } = deps;
  const notFound = err(fail('not_found', 'No such conference.'));
  const getConference = async (id: string) => store.conferences.get(id);

  const subjectDtos = async (
    conferenceId: string,
    principal: Principal | null,
    location: Location | null,
  ): Promise<SubjectDto[]> => {
    const subjects = await store.subjects.list(conferenceId);
    const voter = principal?.grants.find(
      (g) => g.role === 'voter' && g.conferenceId === conferenceId,
    );
    // Office roles, the counting committee and the competent authority see every line; a voter only theirs.
    const isOther =
      isOfficeAt(principal, location, { inspectors: true }) ||
      (principal?.grants.some(
        (g) =>
          (g.role === 'counting-committee' && g.conferenceId === conferenceId) ||
          (g.role === 'competent-authority' &&
            (location?.unitChains.some((chain) => chain.includes(g.unitId)) ?? false)),
      ) ??
        false);
    const out: SubjectDto[] = [];
    for (const s of subjects) {
      // A voter sees only the persons on their ballot (ballot styles), and only those voted on.
      if (voter?.role === 'voter' && !isOther) {
        if (
          effectiveDecision(s) !== 'vote' ||
          !(await store.participants.votesOn(voter.participantId, s.personId))
        )
          continue;
      }
      const person = await store.persons.get(s.personId);
      out.push({
        id: s.id,
        conferenceId: s.conferenceId,
        personId: s.personId,
        fullName: person?.fullName ?? '',
        positionHoldingIds: [...s.positionHoldingIds],
        title: s.title,
        order: s.order,
        proposal: s.proposal,
        exclusions: s.exclusions.map((e) => ({ reason: e.reason, detail: e.detail })),
        decision: s.decision,
        effectiveDecision: effectiveDecision(s),
        overrideReason: s.overrideReason,
        decidedBy: s.decidedBy,
        decidedAt: s.decidedAt,
      });
    }
    return out;
  };

  return [
    defineRoute({
      method: 'get',
      path: '/api/conferences',
      tag: 'conferences',
      summary: 'Conferences the caller may see (optionally of one round), by date',
      query: z.object({ roundId: ID.optional() }),
      response: z.array(CONFERENCE),
      authorize: requireRole([
        'organiser',
        'inspector',
        'competent-authority',
        'counting-committee',
        'voter',
        'subject',
      ]),
      handler: async ({ query, principal }) => {
        const all = await store.conferences.list(
          query.roundId === undefined ? undefined : { roundId: query.roundId },
        );
        const reach = await reachableUnitIds(deps, principal);
        if (reach === null) return ok(all);
        const named = grantConferenceIds(principal?.grants ?? []);
        const persons = new Set(
          (principal?.grants ?? []).flatMap((g) => (g.role === 'subject' ? [g.personId] : [])),
        );
        const out: Conference[] = [];
        for (const c of all) {
          if (reach.has(c.unitId) || named.has(c.id)) out.push(c);
          else if (
            persons.size > 0 &&
            (await store.subjects.list(c.id)).some((s) => persons.has(s.personId))
          )
            out.push(c);
        }
        return ok(out);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/conferences',
      tag: 'conferences',
      summary:
        'Create a conference of a round in a unit (Tạo hội nghị); rule set defaults to the round’s',
      body: { kind: 'json', schema: z.object({ roundId: ID, unitId: ID, ...CONFERENCE_FIELDS }) },
      status: 201,
      response: CONFERENCE,
      authorize: requireRole(['organiser'], { unit: 'body:unitId' }),
      handler: async ({ body, principal }) => {
        const round = await store.rounds.get(body.roundId);
        if (round === null) return err(fail('not_found', 'No such round.', 'roundId'));
        // The conference's unit must take part in the round (be one of its units or below one).
        const chain = (await store.units.ancestors(body.unitId)).map((u) => u.id);
        if (!round.unitIds.some((id) => chain.includes(id))) {
          return err(
            fail('validation_failed', 'This unit does not take part in the round.', 'unitId'),
          );
        }
        const { localPlan, countingMode, ...rest } = body;
        return store.conferences.create(actorOf(principal), {
          ...rest,
          countingMode: countingMode ?? 'paper',
          localPlan: localPlan ?? null,
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}',
      tag: 'conferences',
      summary: 'One conference',
      params: conferenceParams,
      response: CONFERENCE,
      authorize: requireRole(
        ['organiser', 'inspector', 'competent-authority', 'counting-committee', 'voter'],
        CONF,
      ),
      handler: async ({ params }) => {
        const c = await getConference(params.conferenceId);
        return c === null ? notFound : ok(c);
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/api/conferences/{conferenceId}',
      tag: 'conferences',
      summary: 'Edit a conference while in preparation (date, place, chair, rule set …)',
      params: conferenceParams,
      body: { kind: 'json', schema: z.object(CONFERENCE_FIELDS).partial() },
      response: CONFERENCE,
      authorize: requireRole(['organiser'], CONF),
      handler: async ({ params, body, principal }) =>
        store.conferences.update(actorOf(principal), params.conferenceId, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/conferences/{conferenceId}/status',
      tag: 'conferences',
      summary:
        'Mark the preparation done (prepared) or reopen it (draft); the day itself is issue 4',
      params: conferenceParams,
      body: { kind: 'json', schema: z.object({ status: z.enum(['draft', 'prepared']) }) },
      response: CONFERENCE,
      authorize: requireRole(['organiser'], CONF),
      handler: async ({ params, body, principal }) => {
        const c = await getConference(params.conferenceId);
        if (c === null) return notFound;
        if (!canTransition(c.status, body.status)) {
          return err(
            fail(
              'invalid_transition',
              `A conference cannot go from "${c.status}" to "${body.status}".`,
              'status',
            ),
          );
        }
        return store.conferences.transition(actorOf(principal), c.id, body.status);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/deadlines',
      tag: 'conferences',
      summary:
        'Due dates of the preparation steps (report, distribution, questions, answers) and which have passed',
      params: conferenceParams,
      response: DEADLINE_DATES,
      authorize: requireRole(
        ['organiser', 'inspector', 'competent-authority', 'counting-committee', 'voter'],
        CONF,
      ),
      handler: async ({ params }) => {
        const c = await getConference(params.conferenceId);
        if (c === null) return notFound;
        const round = await store.rounds.get(c.roundId);
        if (round === null) return err(fail('not_found', 'No such round.'));
        const today = vietnamDate(deps.clock.now());
        const dates = preparationSchedule(c.date, round.deadlines);
        const steps = (
          ['reportToOffice', 'distributionToVoters', 'questionsForwarded', 'answers'] as const
        ).map((step) => ({
          step,
          daysBefore: round.deadlines[step],
          due: dates[step],
          passed: today > dates[step],
        }));
        return ok({ today, conferenceDate: c.date, steps });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/subjects',
      tag: 'subjects',
      summary:
        'Persons proposed, voted on and excluded, with reasons (a voter sees only those on their ballot)',
      params: conferenceParams,
      response: z.array(SUBJECT),
      authorize: requireRole(
        ['organiser', 'inspector', 'competent-authority', 'counting-committee', 'voter'],
        CONF,
      ),
      handler: async ({ params, principal, location }) =>
        ok(await subjectDtos(params.conferenceId, principal, location)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/conferences/{conferenceId}/subjects/propose',
      tag: 'subjects',
      summary:
        'Propose who is voted on and who is excluded, with the rule set’s reasons; decisions taken are kept',
      params: conferenceParams,
      response: z.array(SUBJECT),
      authorize: requireRole(['organiser'], CONF),
      handler: async ({ params, principal, location }) => {
        const saved = await store.transaction((tx) =>
          proposeConferenceSubjects(tx, actorOf(principal), params.conferenceId),
        );
        return saved.ok ? ok(await subjectDtos(params.conferenceId, principal, location)) : saved;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/conferences/{conferenceId}/subjects/{subjectId}/decision',
      tag: 'subjects',
      summary:
        'Confirm or override the proposal; an override needs a written reason, kept in the audit log',
      params: z.object({ conferenceId: ID, subjectId: ID }),
      body: {
        kind: 'json',
        schema: z.object({
          decision: z.enum(['vote', 'exclude']),
          overrideReason: text(2000).nullable().optional(),
        }),
      },
      response: SUBJECT,
      authorize: requireRole(['organiser'], CONF),
      handler: async ({ params, body, principal, location }) => {
        const subject = await store.subjects.get(params.subjectId);
        if (subject === null || subject.conferenceId !== params.conferenceId)
          return err(fail('not_found', 'No such subject.'));
        const decided = await store.subjects.decide(actorOf(principal), subject.id, {
          decision: body.decision,
          overrideReason: body.overrideReason ?? null,
        });
        if (!decided.ok) return decided;
        const dto = (await subjectDtos(params.conferenceId, principal, location)).find(
          (s) => s.id === subject.id,
        );
        return dto === undefined ? err(fail('not_found', 'No such subject.')) : ok(dto);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/conferences/{conferenceId}/subjects/{subjectId}/account',
      tag: 'accounts',
      summary:
        'Give the person voted on a sign-in (to upload the report and answer): password shown once',
      params: z.object({ conferenceId: ID, subjectId: ID }),
      status: 201,
      response: ONE_TIME_ACCOUNT,
      authorize: requireRole(['organiser'], CONF),
      handler: async ({ params, principal }) => {
        const subject = await store.subjects.get(params.subjectId);
        if (subject === null || subject.conferenceId !== params.conferenceId)
          return err(fail('not_found', 'No such subject.'));
        const person = await store.persons.get(subject.personId);
        return createOneTimeAccount(deps, principal, 'canbo', person?.fullName ?? subject.title, {
          role: 'subject',
          personId: subject.personId,
        });
      },
    }),
  ];
}
