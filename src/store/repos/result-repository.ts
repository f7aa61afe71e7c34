// Kết quả: the head's confirmation and each later correction as numbered revisions, and the publication scope.

import { err, ok } from '../../rules/index.js';
import {
  PUBLICATION_SCOPES,
  type Actor,
  type Id,
  type Publication,
  type PublicationScope,
  type ResultRevision,
} from '../../core/model/index.js';
import type { ResultRevisionsTable } from '../db/conference-day-schema.js';
import type { StoreContext } from '../db/store-context.js';
import type { ResultRepository } from '../conference-day-store.js';
import type { StoreResult } from '../store.js';
import { notFound } from './failures.js';
import { conferenceExists } from './conference-exists.js';

function toRevision(row: ResultRevisionsTable): ResultRevision {
  return {
    conferenceId: row.conference_id,
    revision: Number(row.revision),
    reason: row.reason,
    actorLabel: row.actor_label,
    createdAt: row.created_at,
    data: JSON.parse(row.data) as unknown,
  };
}

/** ResultRepository over Kysely. */
export class KyselyResultRepository implements ResultRepository {
  constructor(private readonly ctx: StoreContext) {}

  addRevision(
    actor: Actor,
    input: { readonly conferenceId: Id; readonly reason: string | null; readonly data: unknown },
  ): Promise<StoreResult<ResultRevision>> {
    return this.ctx.write(async (w) => {
      const last = await w.db
        .selectFrom('result_revisions')
        .select((eb) => eb.fn.max('revision').as('last'))
        .where('conference_id', '=', input.conferenceId)
        .executeTakeFirst();
      const row: ResultRevisionsTable = {
        conference_id: input.conferenceId,
        revision: Number(last?.last ?? 0) + 1,
        reason: input.reason,
        actor_label: actor.label,
        created_at: w.now,
        data: JSON.stringify(input.data),
      };
      await w.db.insertInto('result_revisions').values(row).execute();
      const revision = toRevision(row);
      await w.audit(
        actor,
        row.revision === 1 ? 'result.confirm' : 'result.revise',
        'conference',
        input.conferenceId,
        null,
        { revision: row.revision, reason: row.reason },
      );
      return ok(revision);
    });
  }

  async revisions(conferenceId: Id): Promise<ResultRevision[]> {
    const rows = await this.ctx.db
      .selectFrom('result_revisions')
      .selectAll()
      .where('conference_id', '=', conferenceId)
      .orderBy('revision')
      .execute();
    return rows.map(toRevision);
  }

  async latest(conferenceId: Id): Promise<ResultRevision | null> {
    const row = await this.ctx.db
      .selectFrom('result_revisions')
      .selectAll()
      .where('conference_id', '=', conferenceId)
      .orderBy('revision', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toRevision(row) : null;
  }

  publish(
    actor: Actor,
    conferenceId: Id,
    scope: PublicationScope,
  ): Promise<StoreResult<Publication>> {
    return this.ctx.write(async (w) => {
      if (!(await conferenceExists(w.db, conferenceId)))
        return notFound('conference', conferenceId);
      const before = await this.publication(conferenceId, w.db);
      if (before && PUBLICATION_SCOPES.indexOf(scope) < PUBLICATION_SCOPES.indexOf(before.scope)) {
        return err({
          code: 'publication_scope_narrowing',
          field: 'scope',
          message: `The result is already published at "${before.scope}"; a publication cannot be taken back to "${scope}".`,
        });
      }
      const after: Publication = { conferenceId, scope, publishedAt: before?.publishedAt ?? w.now };
      if (before) {
        await w.db
          .updateTable('publications')
          .set({ scope })
          .where('conference_id', '=', conferenceId)
          .execute();
      } else {
        await w.db
          .insertInto('publications')
          .values({ conference_id: conferenceId, scope, published_at: w.now })
          .execute();
      }
      await w.audit(actor, 'result.publish', 'conference', conferenceId, before, after);
      return ok(after);
    });
  }

  async publication(conferenceId: Id, db = this.ctx.db): Promise<Publication | null> {
    const row = await db
      .selectFrom('publications')
      .selectAll()
      .where('conference_id', '=', conferenceId)
      .executeTakeFirst();
    return row
      ? {
          conferenceId: row.conference_id,
          scope: row.scope as PublicationScope,
          publishedAt: row.published_at,
        }
      : null;
  }
}
