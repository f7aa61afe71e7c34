// Mẫu phiếu: ballot styles, each the list of subjects a group of participants votes on.

import { ok } from '../../rules/index.js';
import type { Actor, BallotStyle, Id } from '../../core/model/index.js';
import type { Kysely } from 'kysely';
import type { BallotStylesTable, Database } from '../db/schema.js';
import type { StoreContext } from '../db/store-context.js';
import type { BallotStyleRepository, NewBallotStyle, StoreResult } from '../store.js';
import { conflict, invalid, notFound } from './failures.js';
import { toBallotStyle } from './mappers.js';
import { conferenceExists } from './conference-exists.js';

const nfc = (s: string): string => s.normalize('NFC').trim();

/** BallotStyleRepository over Kysely. */
export class KyselyBallotStyleRepository implements BallotStyleRepository {
  constructor(private readonly ctx: StoreContext) {}

  create(actor: Actor, input: NewBallotStyle): Promise<StoreResult<BallotStyle>> {
    return this.ctx.write(async (w) => {
      if (!(await conferenceExists(w.db, input.conferenceId)))
        return notFound('conference', input.conferenceId);
      const name = nfc(input.name);
      if (name === '') return invalid('name', 'A ballot style needs a name.');
      if (await styleNamed(w.db, input.conferenceId, name)) return conflict('name', name);
      const bad = await foreignSubject(w.db, input.conferenceId, input.subjectIds);
      if (bad) return invalid('subjectIds', `Subject "${bad}" is not in this conference.`);
      const row: BallotStylesTable = {
        id: input.id ?? w.newId(),
        conference_id: input.conferenceId,
        name,
        subject_ids: JSON.stringify(input.subjectIds),
        created_at: w.now,
        updated_at: w.now,
      };
      await w.db.insertInto('ballot_styles').values(row).execute();
      const style = toBallotStyle(row);
      await w.audit(actor, 'ballot_style.create', 'ballot_style', style.id, null, style);
      return ok(style);
    });
  }

  update(
    actor: Actor,
    id: Id,
    patch: { readonly name?: string; readonly subjectIds?: readonly Id[] },
  ): Promise<StoreResult<BallotStyle>> {
    return this.ctx.write(async (w) => {
      const before = await this.get(id, w.db);
      if (!before) return notFound('ballot style', id);
      const name = patch.name === undefined ? before.name : nfc(patch.name);
      if (name === '') return invalid('name', 'A ballot style needs a name.');
      if (name !== before.name && (await styleNamed(w.db, before.conferenceId, name))) {
        return conflict('name', name);
      }
      const subjectIds = patch.subjectIds ?? before.subjectIds;
      const bad = await foreignSubject(w.db, before.conferenceId, subjectIds);
      if (bad) return invalid('subjectIds', `Subject "${bad}" is not in this conference.`);
      await w.db
        .updateTable('ballot_styles')
        .set({ name, subject_ids: JSON.stringify(subjectIds), updated_at: w.now })
        .where('id', '=', id)
        .execute();
      const after = (await this.get(id, w.db))!;
      await w.audit(actor, 'ballot_style.update', 'ballot_style', id, before, after);
      return ok(after);
    });
  }

  delete(actor: Actor, id: Id): Promise<StoreResult<BallotStyle>> {
    return this.ctx.write(async (w) => {
      const before = await this.get(id, w.db);
      if (!before) return notFound('ballot style', id);
      await w.db
        .updateTable('participants')
        .set({ ballot_style_id: null, updated_at: w.now })
        .where('ballot_style_id', '=', id)
        .execute();
      await w.db.deleteFrom('ballot_styles').where('id', '=', id).execute();
      await w.audit(actor, 'ballot_style.delete', 'ballot_style', id, before, null);
      return ok(before);
    });
  }

  async get(id: Id, db = this.ctx.db): Promise<BallotStyle | null> {
    const row = await db
      .selectFrom('ballot_styles')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toBallotStyle(row) : null;
  }

  async list(conferenceId: Id): Promise<BallotStyle[]> {
    const rows = await this.ctx.db
      .selectFrom('ballot_styles')
      .selectAll()
      .where('conference_id', '=', conferenceId)
      .orderBy('name')
      .execute();
    return rows.map(toBallotStyle);
  }
}

async function styleNamed(db: Kysely<Database>, conferenceId: Id, name: string): Promise<boolean> {
  const row = await db
    .selectFrom('ballot_styles')
    .select('id')
    .where('conference_id', '=', conferenceId)
    .where('name', '=', name)
    .executeTakeFirst();
  return row !== undefined;
}

async function foreignSubject(
  db: Kysely<Database>,
  conferenceId: Id,
  subjectIds: readonly Id[],
): Promise<Id | null> {
  if (subjectIds.length === 0) return null;
  const rows = await db
    .selectFrom('conference_subjects')
    .select('id')
    .where('conference_id', '=', conferenceId)
    .where('id', 'in', [...subjectIds])
    .execute();
  const have = new Set(rows.map((r) => r.id));
  return subjectIds.find((id) => !have.has(id)) ?? null;
}
