// Ý kiến, yêu cầu giải trình — voters ask about persons on their ballot; the office forwards; the person answers.

import { z } from 'zod';
import type { Conference, Question, Round } from '../../core/model/index.js';
import {
  checkDeadline,
  vietnamDate,
  type PreparationAction,
} from '../../core/deadlines/preparation-deadlines.js';
import { err, formatIntegerVi, ok } from '../../rules/index.js';
import { isOfficeAt, requireRole } from '../auth/policy.js';
import { actorOf, type AppDeps } from '../deps.js';
import { fail } from '../errors.js';
import { defineRoute, type Route } from '../http/route.js';
import { ID, text } from './schemas.js';

/** A question as the API shows it (the asking participant is shown to the office only). */
export const QUESTION = z
  .object({
    id: ID,
    conferenceId: ID,
    personId: ID,
    participantId: ID.nullable(),
    kind: z.enum(['comment', 'clarification']),
    text: z.string(),
    status: z.enum(['submitted', 'forwarded', 'answered']),
    askedAt: z.string(),
    forwardedAt: z.string().nullable(),
    answer: z.string().nullable(),
    answeredAt: z.string().nullable(),
  })
  .meta({ id: 'Question' });

/** A question as the API shows it. */
export type QuestionDto = z.infer<typeof QUESTION>;

/** The organiser's counts: "142 ý kiến, 0 yêu cầu giải trình". */
export const QUESTION_COUNTS = z
  .object({
    total: z.number().int(),
    comments: z.number().int(),
    clarifications: z.number().int(),
    forwarded: z.number().int(),
    answered: z.number().int(),
    summary: z.object({ vi: z.string(), en: z.string() }),
  })
  .meta({ id: 'QuestionCounts' });

const SUBJECT_SCOPE = { subject: ['param:conferenceId', 'param:personId'] } as const;

/** What a caller sees of a question: the person answering never learns which voter asked. */
function questionDto(q: Question, office: boolean): QuestionDto {
  return {
    id: q.id,
    conferenceId: q.conferenceId,
    personId: q.personId,
    participantId: office ? q.participantId : null,
    kind: q.kind,
    text: q.text,
    status: q.status,
    askedAt: q.askedAt,
    forwardedAt: q.forwardedAt,
    answer: q.answer,
    answeredAt: q.answeredAt,
  };
}

/** The question routes. */
export function questionRoutes(deps: AppDeps): Route[] {
  const { store } = deps;
  const loadConference = async (id: string) => {
    const conference = await store.conferences.get(id);
    const round = conference && (await store.rounds.get(conference.roundId));
    return conference && round ? { conference, round } : null;
  };
  const onTime = (action: PreparationAction, at: { conference: Conference; round: Round }) =>
    checkDeadline(action, at.conference.date, at.round.deadlines, vietnamDate(deps.clock.now()));
  return [
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/questions',
      tag: 'questions',
      summary: 'Questions of the conference (the office: all; a voter: their own), oldest first',
      params: z.object({ conferenceId: ID }),
      response: z.array(QUESTION),
      authorize: requireRole(['organiser', 'inspector', 'voter'], {
        conference: 'param:conferenceId',
      }),
      handler: async ({ params, principal, location }) => {
        if (isOfficeAt(principal, location, { inspectors: true }))
          return ok(
            (await store.questions.list(params.conferenceId)).map((q) => questionDto(q, true)),
          );
        const voter = principal?.grants.find(
          (g) => g.role === 'voter' && g.conferenceId === params.conferenceId,
        );
        if (voter?.role !== 'voter') return ok([]);
        const own = await store.questions.list(params.conferenceId, {
          participantId: voter.participantId,
        });
        return ok(own.map((q) => questionDto(q, false)));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/questions/counts',
      tag: 'questions',
      summary: 'Counts for the office: "142 ý kiến, 0 yêu cầu giải trình"',
      params: z.object({ conferenceId: ID }),
      query: z.object({ personId: ID.optional() }),
      response: QUESTION_COUNTS,
      authorize: requireRole(['organiser', 'inspector'], { conference: 'param:conferenceId' }),
      handler: async ({ params, query }) => {
        const c = await store.questions.counts(
          params.conferenceId,
          query.personId === undefined ? undefined : { personId: query.personId },
        );
        return ok({
          ...c,
          summary: {
            vi: `${formatIntegerVi(c.total)} ý kiến, ${formatIntegerVi(c.clarifications)} yêu cầu giải trình`,
            en: `${c.total} comments, ${c.clarifications} requests for clarification`,
          },
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/persons/{personId}/questions',
      tag: 'questions',
      summary:
        'Questions about one person (the office: all; the person: those forwarded; a voter: their own)',
      params: z.object({ conferenceId: ID, personId: ID }),
      response: z.array(QUESTION),
      authorize: requireRole(['organiser', 'inspector', 'voter', 'subject'], SUBJECT_SCOPE, {
        voterMustVoteOnPerson: true,
      }),
      handler: async ({ params, principal, location }) => {
        const all = await store.questions.list(params.conferenceId, { personId: params.personId });
        if (isOfficeAt(principal, location, { inspectors: true }))
          return ok(all.map((q) => questionDto(q, true)));
        const voter = principal?.grants.find(
          (g) => g.role === 'voter' && g.conferenceId === params.conferenceId,
        );
        const mine =
          voter?.role === 'voter' ? all.filter((q) => q.participantId === voter.participantId) : [];
        const isPerson =
          principal?.grants.some((g) => g.role === 'subject' && g.personId === params.personId) ??
          false;
        const forwarded = isPerson ? all.filter((q) => q.status !== 'submitted') : [];
        const seen = new Set<string>();
        return ok(
          [...mine, ...forwarded]
            .filter((q) => !seen.has(q.id) && seen.add(q.id))
            .map((q) => questionDto(q, false)),
        );
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/conferences/{conferenceId}/persons/{personId}/questions',
      tag: 'questions',
      summary:
        'Send a comment or a request for clarification about a person on one’s ballot (by the questions deadline)',
      params: z.object({ conferenceId: ID, personId: ID }),
      body: {
        kind: 'json',
        schema: z.object({ kind: z.enum(['comment', 'clarification']), text: text(5000) }),
      },
      status: 201,
      response: QUESTION,
      authorize: requireRole(['organiser', 'voter'], SUBJECT_SCOPE, {
        voterMustVoteOnPerson: true,
      }),
      handler: async ({ params, body, principal, location }) => {
        const loaded = await loadConference(params.conferenceId);
        if (loaded === null) return err(fail('not_found', 'No such conference.'));
        const voter = principal?.grants.find(
          (g) => g.role === 'voter' && g.conferenceId === params.conferenceId,
        );
        const office = isOfficeAt(principal, location);
        if (!office) {
          const due = onTime('ask-question', loaded);
          if (!due.ok) return due;
        }
        const asked = await store.questions.ask(actorOf(principal), {
          conferenceId: params.conferenceId,
          personId: params.personId,
          // Entered by the office from paper: no participant.
          participantId: !office && voter?.role === 'voter' ? voter.participantId : null,
          kind: body.kind,
          text: body.text,
        });
        return asked.ok ? ok(questionDto(asked.value, office)) : asked;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/questions/{questionId}/forward',
      tag: 'questions',
      summary: 'Forward a question to the person voted on (the office)',
      params: z.object({ questionId: ID }),
      response: QUESTION,
      authorize: requireRole(['organiser'], { question: 'param:questionId' }),
      handler: async ({ params, principal }) => {
        const forwarded = await store.questions.forward(actorOf(principal), params.questionId);
        return forwarded.ok ? ok(questionDto(forwarded.value, true)) : forwarded;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/questions/{questionId}/answer',
      tag: 'questions',
      summary: 'Answer a forwarded question (the person voted on, by the answers deadline)',
      params: z.object({ questionId: ID }),
      body: { kind: 'json', schema: z.object({ text: text(20_000) }) },
      response: QUESTION,
      authorize: requireRole(['subject', 'organiser'], { question: 'param:questionId' }),
      handler: async ({ params, body, principal, location }) => {
        const question = await store.questions.get(params.questionId);
        if (question === null) return err(fail('not_found', 'No such question.'));
        const loaded = await loadConference(question.conferenceId);
        if (loaded === null) return err(fail('not_found', 'No such conference.'));
        const office = isOfficeAt(principal, location);
        if (!office) {
          const due = onTime('answer-question', loaded);
          if (!due.ok) return due;
        }
        const answered = await store.questions.answer(actorOf(principal), question.id, body.text);
        return answered.ok ? ok(questionDto(answered.value, office)) : answered;
      },
    }),
  ];
}
