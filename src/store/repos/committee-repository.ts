// Ban kiểm phiếu: the members the conference elected, its head, and their one-time sign-in codes.

import { err, ok } from '../../rules/index.js';
import type { Actor, CommitteeMember, Id, IsoTimestamp } from '../../core/model/index.js';
import type { Kysely } from 'kysely';
import type { CommitteeMembersTable } from '../db/conference-day-schema.js';
import type { Database } from '../db/schema.js';
import type { StoreContext } from '../db/store-context.js';
import type { CommitteeRepository, NewCommitteeMember } from '../conference-day-store.js';
import type { StoreResult } from '../store.js';
import { invalid, notFound } from './failures.js';
import { conferenceExists } from './conference-exists.js';

const nfc = (s: string): string => s.normalize('NFC').trim();

function toMember(row: CommitteeMembersTable, now?: string): CommitteeMember {
  return {
    id: row.id,
    conferenceId: row.conference_id,
    fullName: row.full_name,
    isHead: Number(row.is_head) === 1,
    userId: row.user_id,
    hasPendingCode:
      row.login_code_digest !== null &&
      (now === undefined || (row.login_code_expires_at ?? '') > now),
    order: Number(row.position),
  };
}

/** CommitteeRepository over Kysely. */
export class KyselyCommitteeRepository implements CommitteeRepository {
  constructor(private readonly ctx: StoreContext) {}

  add(actor: Actor, input: NewCommitteeMember): Promise<StoreResult<CommitteeMember>> {
    return this.ctx.write(async (w) => {
      if (!(await conferenceExists(w.db, input.conferenceId)))
        return notFound('conference', input.conferenceId);
      const fullName = nfc(input.fullName);
      if (fullName === '') return invalid('fullName', 'A committee member needs a name.');
      if (input.userId && !(await userExists(w.db, input.userId)))
        return notFound('user', input.userId);
      const last = await w.db
        .selectFrom('committee_members')
        .select((eb) => eb.fn.max('position').as('last'))
        .where('conference_id', '=', input.conferenceId)
        .executeTakeFirst();
      if (input.isHead === true) await clearHead(w.db, input.conferenceId, w.now);
      const row: CommitteeMembersTable = {
        id: input.id ?? w.newId(),
        conference_id: input.conferenceId,
        full_name: fullName,
        is_head: input.isHead === true ? 1 : 0,
        user_id: input.userId ?? null,
        position: Number(last?.last ?? 0) + 1,
        login_code_digest: null,
        login_code_expires_at: null,
        created_at: w.now,
        updated_at: w.now,
      };
      await w.db.insertInto('committee_members').values(row).execute();
      const member = toMember(row);
      await w.audit(actor, 'committee.add', 'committee_member', member.id, null, member);
      return ok(member);
    });
  }

  update(
    actor: Actor,
    id: Id,
    patch: { readonly fullName?: string; readonly isHead?: boolean; readonly userId?: Id | null },
  ): Promise<StoreResult<CommitteeMember>> {
    return this.ctx.write(async (w) => {
      const before = await this.get(id, w.db);
      if (!before) return notFound('committee member', id);
      const fullName = patch.fullName === undefined ? before.fullName : nfc(patch.fullName);
      if (fullName === '') return invalid('fullName', 'A committee member needs a name.');
      if (patch.userId && !(await userExists(w.db, patch.userId)))
        return notFound('user', patch.userId);
      if (patch.isHead === true) await clearHead(w.db, before.conferenceId, w.now);
      await w.db
        .updateTable('committee_members')
        .set({
          full_name: fullName,
          is_head: (patch.isHead ?? before.isHead) ? 1 : 0,
          user_id: patch.userId === undefined ? before.userId : patch.userId,
          updated_at: w.now,
        })
        .where('id', '=', id)
        .execute();
      const after = (await this.get(id, w.db))!;
      await w.audit(actor, 'committee.update', 'committee_member', id, before, after);
      return ok(after);
    });
  }

  remove(actor: Actor, id: Id): Promise<StoreResult<CommitteeMember>> {
    return this.ctx.write(async (w) => {
      const before = await this.get(id, w.db);
      if (!before) return notFound('committee member', id);
      const entry = await w.db
        .selectFrom('ballot_entries')
        .select('member_id')
        .where('member_id', '=', id)
        .executeTakeFirst();
      if (entry) {
        return err({
          code: 'member_has_entries',
          field: 'memberId',
          message: `${before.fullName} has entered ballots and stays on the committee record.`,
        });
      }
      await w.db.deleteFrom('committee_members').where('id', '=', id).execute();
      await w.audit(actor, 'committee.remove', 'committee_member', id, before, null);
      return ok(before);
    });
  }

  async get(id: Id, db: Kysely<Database> = this.ctx.db): Promise<CommitteeMember | null> {
    const row = await db
      .selectFrom('committee_members')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toMember(row) : null;
  }

  async list(conferenceId: Id): Promise<CommitteeMember[]> {
    const rows = await this.ctx.db
      .selectFrom('committee_members')
      .selectAll()
      .where('conference_id', '=', conferenceId)
      .orderBy('is_head', 'desc')
      .orderBy('position')
      .execute();
    return rows.map((r) => toMember(r, this.ctx.clock.now()));
  }

  async memberFor(conferenceId: Id, userId: Id): Promise<CommitteeMember | null> {
    const row = await this.ctx.db
      .selectFrom('committee_members')
      .selectAll()
      .where('conference_id', '=', conferenceId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row ? toMember(row) : null;
  }

  setLoginCode(
    actor: Actor,
    id: Id,
    digest: string,
    expiresAt: IsoTimestamp,
  ): Promise<StoreResult<CommitteeMember>> {
    return this.ctx.write(async (w) => {
      const before = await this.get(id, w.db);
      if (!before) return notFound('committee member', id);
      await w.db
        .updateTable('committee_members')
        .set({ login_code_digest: digest, login_code_expires_at: expiresAt, updated_at: w.now })
        .where('id', '=', id)
        .execute();
      // The digest is not logged: the entry says a code was issued and until when.
      await w.audit(actor, 'committee.login_code', 'committee_member', id, null, { expiresAt });
      return ok((await this.get(id, w.db))!);
    });
  }

  async consumeLoginCode(
    actor: Actor,
    digest: string,
    now: IsoTimestamp,
  ): Promise<CommitteeMember | null> {
    const result = await this.ctx.write(async (w) => {
      const row = await w.db
        .selectFrom('committee_members')
        .selectAll()
        .where('login_code_digest', '=', digest)
        .executeTakeFirst();
      if (!row || (row.login_code_expires_at ?? '') <= now) return ok(null);
      // One use: the digest is cleared in the same transaction that lets the member in.
      await w.db
        .updateTable('committee_members')
        .set({ login_code_digest: null, login_code_expires_at: null, updated_at: w.now })
        .where('id', '=', row.id)
        .where('login_code_digest', '=', digest)
        .execute();
      await w.audit(actor, 'committee.login_code_used', 'committee_member', row.id, null, null);
      return ok(toMember({ ...row, login_code_digest: null }));
    });
    return result.ok ? result.value : null;
  }
}

async function userExists(db: Kysely<Database>, userId: Id): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst())
    ? true
    : false;
}

async function clearHead(db: Kysely<Database>, conferenceId: Id, now: string): Promise<void> {
  await db
    .updateTable('committee_members')
    .set({ is_head: 0, updated_at: now })
    .where('conference_id', '=', conferenceId)
    .where('is_head', '=', 1)
    .execute();
}
