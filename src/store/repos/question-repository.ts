// Ý kiến, yêu cầu giải trình: voters' comments and questions, forwarded and answered, and their counts.

import { err, ok } from '../../rules/index.js';
import type { Actor, Id, Question, QuestionCounts } from '../../core/model/index.js';
import type { QuestionsTable } from '../db/schema.js';
import type { StoreContext } from '../db/store-context.js';
import type { NewQuestion, QuestionRepository, StoreResult } from '../store.js';
import { invalid, notFound } from './failures.js';
import { num, toQuestion } from './mappers.js';

/** QuestionRepository over Kysely. */
export class KyselyQuestionRepository implements QuestionRepository {
  constructor(private readonly ctx: StoreContext) {}

  ask(actor: Actor, input: NewQuestion): Promise<StoreResult<Question>> {
    return this.ctx.write(async (w) => {
      const text = input.text.normalize('NFC').trim();
      if (text === '') return invalid('text', 'A question needs a text.');
      const subject = await w.db
        .selectFrom('conference_subjects')
        .select('id')
        .where('conference_id', '=', input.conferenceId)
        .where('person_id', '=', input.personId)
        .executeTakeFirst();
      if (!subject) return notFound('person voted on at this conference', input.personId);
      if (input.participantId !== null) {
        const participant = await w.db
          .selectFrom('participants')
          .select('conference_id')
          .where('id', '=', input.participantId)
          .executeTakeFirst();
        if (!participant || participant.conference_id !== input.conferenceId) {
          return notFound('participant', input.participantId);
        }
      }
      const row: QuestionsTable = {
        id: input.id ?? w.newId(),
        conference_id: input.conferenceId,
        person_id: input.personId,
        participant_id: input.participantId,
        kind: input.kind,
        text,
        status: 'submitted',
        asked_at: w.now,
        forwarded_at: null,
        forwarded_by: null,
        answer: null,
        answered_at: null,
        answered_by: null,
      };
      await w.db.insertInto('questions').values(row).execute();
      const question = toQuestion(row);
      await w.audit(actor, 'question.ask', 'question', question.id, null, question);
      return ok(question);
    });
  }

  forward(actor: Actor, id: Id): Promise<StoreResult<Question>> {
    return this.ctx.write(async (w) => {
      const before = await this.get(id, w.db);
      if (!before) return notFound('question', id);
      if (before.status !== 'submitted') {
        return err({
          code: 'invalid_transition',
          field: 'status',
          message: `A question that is "${before.status}" cannot be forwarded.`,
        });
      }
      await w.db
        .updateTable('questions')
        .set({ status: 'forwarded', forwarded_at: w.now, forwarded_by: actor.userId })
        .where('id', '=', id)
        .execute();
      const after = (await this.get(id, w.db))!;
      await w.audit(actor, 'question.forward', 'question', id, before, after);
      return ok(after);
    });
  }

  answer(actor: Actor, id: Id, text: string): Promise<StoreResult<Question>> {
    return this.ctx.write(async (w) => {
      const before = await this.get(id, w.db);
      if (!before) return notFound('question', id);
      const answerable =
        before.status === 'forwarded' ||
        (before.status === 'submitted' && before.kind === 'comment');
      if (!answerable) {
        return err({
          code: 'invalid_transition',
          field: 'status',
          message: `A question that is "${before.status}" cannot be answered now.`,
        });
      }
      const answer = text.normalize('NFC').trim();
      if (answer === '') return invalid('answer', 'An answer needs a text.');
      await w.db
        .updateTable('questions')
        .set({ status: 'answered', answer, answered_at: w.now, answered_by: actor.userId })
        .where('id', '=', id)
        .execute();
      const after = (await this.get(id, w.db))!;
      await w.audit(actor, 'question.answer', 'question', id, before, after);
      return ok(after);
    });
  }

  async get(id: Id, db = this.ctx.db): Promise<Question | null> {
    const row = await db
      .selectFrom('questions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toQuestion(row) : null;
  }

  async list(
    conferenceId: Id,
    filter?: { readonly personId?: Id; readonly participantId?: Id },
  ): Promise<Question[]> {
    let query = this.ctx.db
      .selectFrom('questions')
      .selectAll()
      .where('conference_id', '=', conferenceId);
    if (filter?.personId !== undefined) query = query.where('person_id', '=', filter.personId);
    if (filter?.participantId !== undefined) {
      query = query.where('participant_id', '=', filter.participantId);
    }
    const rows = await query.orderBy('asked_at').orderBy('id').execute();
    return rows.map(toQuestion);
  }

  async counts(conferenceId: Id, filter?: { readonly personId?: Id }): Promise<QuestionCounts> {
    let query = this.ctx.db
      .selectFrom('questions')
      .select(['kind', 'status', (eb) => eb.fn.countAll().as('n')])
      .where('conference_id', '=', conferenceId);
    if (filter?.personId !== undefined) query = query.where('person_id', '=', filter.personId);
    const rows = await query.groupBy(['kind', 'status']).execute();
    let comments = 0;
    let clarifications = 0;
    let forwarded = 0;
    let answered = 0;
    for (const row of rows) {
      const n = num(row.n);
      if (row.kind === 'comment') comments += n;
      else clarifications += n;
      if (row.status === 'forwarded') forwarded += n;
      if (row.status === 'answered') answered += n;
    }
    return { total: comments + clarifications, comments, clarifications, forwarded, answered };
  }
}
