// Tài khoản và vai trò: users, their grants; sessions; installation settings.

import { ok } from '../../rules/index.js';
import type {
  Actor,
  Grant,
  Id,
  IsoTimestamp,
  Session,
  StoredGrant,
  User,
} from '../../core/model/index.js';
import type { GrantsTable, SessionsTable, UsersTable } from '../db/schema.js';
import type { StoreContext } from '../db/store-context.js';
import type {
  NewSession,
  NewUser,
  SessionRepository,
  SettingsRepository,
  SignedIn,
  StoreResult,
  UserPatch,
  UserRepository,
} from '../store.js';
import { conflict, invalid, notFound } from './failures.js';
import { flag, num, toGrant, toSession, toUser } from './mappers.js';

const usernameKey = (username: string): string => username.normalize('NFC').trim().toLowerCase();

/** What the audit log keeps of a user: never the password hash. */
const auditUser = (user: User): unknown => ({
  ...user,
  passwordHash: user.passwordHash ? '***' : null,
});

/** UserRepository over Kysely. */
export class KyselyUserRepository implements UserRepository {
  constructor(private readonly ctx: StoreContext) {}

  create(actor: Actor, input: NewUser): Promise<StoreResult<User>> {
    return this.ctx.write(async (w) => {
      const key = usernameKey(input.username);
      if (!/^[\p{L}\p{N}._@-]{2,64}$/u.test(key)) {
        return invalid('username', 'A username is 2–64 letters, digits, ".", "_", "@" or "-".');
      }
      if (await this.getByUsername(key, w.db)) return conflict('username', input.username);
      const row: UsersTable = {
        id: input.id ?? w.newId(),
        username: input.username.normalize('NFC').trim(),
        username_key: key,
        display_name: input.displayName.normalize('NFC').trim(),
        password_hash: input.passwordHash,
        disabled: 0,
        created_at: w.now,
        updated_at: w.now,
      };
      await w.db.insertInto('users').values(row).execute();
      const user = toUser(row);
      await w.audit(actor, 'user.create', 'user', user.id, null, auditUser(user));
      return ok(user);
    });
  }

  update(actor: Actor, id: Id, patch: UserPatch): Promise<StoreResult<User>> {
    return this.ctx.write(async (w) => {
      const before = await this.get(id, w.db);
      if (!before) return notFound('user', id);
      await w.db
        .updateTable('users')
        .set({
          display_name:
            patch.displayName === undefined
              ? before.displayName
              : patch.displayName.normalize('NFC').trim(),
          password_hash:
            patch.passwordHash === undefined ? before.passwordHash : patch.passwordHash,
          disabled: patch.disabled === undefined ? flag(before.disabled) : flag(patch.disabled),
          updated_at: w.now,
        })
        .where('id', '=', id)
        .execute();
      const after = (await this.get(id, w.db))!;
      const passwordChanged = patch.passwordHash !== undefined;
      await w.audit(
        actor,
        passwordChanged ? 'user.password' : 'user.update',
        'user',
        id,
        auditUser(before),
        auditUser(after),
      );
      return ok(after);
    });
  }

  async get(id: Id, db = this.ctx.db): Promise<User | null> {
    const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async getByUsername(username: string, db = this.ctx.db): Promise<User | null> {
    const row = await db
      .selectFrom('users')
      .selectAll()
      .where('username_key', '=', usernameKey(username))
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async list(): Promise<User[]> {
    const rows = await this.ctx.db
      .selectFrom('users')
      .selectAll()
      .orderBy('username_key')
      .execute();
    return rows.map(toUser);
  }

  async count(): Promise<number> {
    const row = await this.ctx.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return num(row.n);
  }

  addGrant(actor: Actor, userId: Id, grant: Grant): Promise<StoreResult<StoredGrant>> {
    return this.ctx.write(async (w) => {
      if (!(await this.get(userId, w.db))) return notFound('user', userId);
      const row: GrantsTable = {
        id: w.newId(),
        user_id: userId,
        role: grant.role,
        unit_id: 'unitId' in grant ? grant.unitId : null,
        conference_id: 'conferenceId' in grant ? grant.conferenceId : null,
        participant_id: 'participantId' in grant ? grant.participantId : null,
        person_id: 'personId' in grant ? grant.personId : null,
        created_at: w.now,
      };
      await w.db.insertInto('grants').values(row).execute();
      const stored = toGrant(row);
      await w.audit(actor, 'grant.add', 'user', userId, null, stored);
      return ok(stored);
    });
  }

  removeGrant(actor: Actor, grantId: Id): Promise<StoreResult<StoredGrant>> {
    return this.ctx.write(async (w) => {
      const row = await w.db
        .selectFrom('grants')
        .selectAll()
        .where('id', '=', grantId)
        .executeTakeFirst();
      if (!row) return notFound('grant', grantId);
      await w.db.deleteFrom('grants').where('id', '=', grantId).execute();
      const stored = toGrant(row);
      await w.audit(actor, 'grant.remove', 'user', stored.userId, stored, null);
      return ok(stored);
    });
  }

  async grants(userId: Id): Promise<StoredGrant[]> {
    const rows = await this.ctx.db
      .selectFrom('grants')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toGrant);
  }
}

/** What the audit log keeps of a session: never the token digest or the CSRF token. */
const auditSession = (s: Session): unknown => ({
  id: s.id,
  userId: s.userId,
  createdAt: s.createdAt,
  expiresAt: s.expiresAt,
});

/** SessionRepository over Kysely. */
export class KyselySessionRepository implements SessionRepository {
  constructor(private readonly ctx: StoreContext) {}

  create(actor: Actor, input: NewSession): Promise<StoreResult<Session>> {
    return this.ctx.write(async (w) => {
      const user = await w.db
        .selectFrom('users')
        .select('id')
        .where('id', '=', input.userId)
        .executeTakeFirst();
      if (!user) return notFound('user', input.userId);
      const row: SessionsTable = {
        id: input.id ?? w.newId(),
        user_id: input.userId,
        token_digest: input.tokenDigest,
        csrf_token: input.csrfToken,
        created_at: w.now,
        expires_at: input.expiresAt,
        last_seen_at: w.now,
      };
      await w.db.insertInto('sessions').values(row).execute();
      const session = toSession(row);
      await w.audit(actor, 'session.create', 'session', session.id, null, auditSession(session));
      return ok(session);
    });
  }

  async findByDigest(tokenDigest: string): Promise<SignedIn | null> {
    // one row per grant (one with null grant columns when there is none)
    const rows = await this.ctx.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .leftJoin('grants as g', 'g.user_id', 's.user_id')
      .select([
        's.id',
        's.user_id',
        's.token_digest',
        's.csrf_token',
        's.created_at',
        's.expires_at',
        's.last_seen_at',
        'u.username',
        'u.username_key',
        'u.display_name',
        'u.password_hash',
        'u.disabled',
        'u.created_at as user_created_at',
        'u.updated_at as user_updated_at',
        'g.id as grant_id',
        'g.role',
        'g.unit_id',
        'g.conference_id',
        'g.participant_id',
        'g.person_id',
        'g.created_at as grant_created_at',
      ])
      .where('s.token_digest', '=', tokenDigest)
      .orderBy('g.created_at')
      .orderBy('g.id')
      .execute();
    const first = rows[0];
    if (first === undefined) return null;
    return {
      session: toSession(first),
      user: toUser({
        ...first,
        id: first.user_id,
        created_at: first.user_created_at,
        updated_at: first.user_updated_at,
      }),
      grants: rows.flatMap((r) =>
        r.grant_id === null || r.role === null
          ? []
          : [
              toGrant({
                ...r,
                id: r.grant_id,
                role: r.role,
                created_at: r.grant_created_at ?? '',
              }),
            ],
      ),
    };
  }

  async touch(id: Id, at: IsoTimestamp): Promise<void> {
    await this.ctx.db
      .updateTable('sessions')
      .set({ last_seen_at: at })
      .where('id', '=', id)
      .execute();
  }

  delete(actor: Actor, id: Id): Promise<StoreResult<Session>> {
    return this.ctx.write(async (w) => {
      const row = await w.db
        .selectFrom('sessions')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return notFound('session', id);
      await w.db.deleteFrom('sessions').where('id', '=', id).execute();
      const session = toSession(row);
      await w.audit(actor, 'session.delete', 'session', id, auditSession(session), null);
      return ok(session);
    });
  }

  deleteForUser(actor: Actor, userId: Id): Promise<number> {
    return this.ctx.write(async (w) => {
      const result = await w.db
        .deleteFrom('sessions')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      const n = num(result.numDeletedRows);
      if (n > 0) await w.audit(actor, 'session.delete_all', 'user', userId, { sessions: n }, null);
      return n;
    });
  }

  async deleteExpired(now: IsoTimestamp): Promise<number> {
    const result = await this.ctx.db
      .deleteFrom('sessions')
      .where('expires_at', '<', now)
      .executeTakeFirst();
    return num(result.numDeletedRows);
  }
}

/** SettingsRepository over Kysely. */
export class KyselySettingsRepository implements SettingsRepository {
  constructor(private readonly ctx: StoreContext) {}

  async get(key: string): Promise<unknown> {
    const row = await this.ctx.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    return row ? (JSON.parse(row.value) as unknown) : null;
  }

  set(actor: Actor, key: string, value: unknown): Promise<void> {
    return this.ctx.write(async (w) => {
      const before = await w.db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', key)
        .executeTakeFirst();
      const text = JSON.stringify(value ?? null);
      if (before) {
        await w.db
          .updateTable('settings')
          .set({ value: text, updated_at: w.now })
          .where('key', '=', key)
          .execute();
      } else {
        await w.db.insertInto('settings').values({ key, value: text, updated_at: w.now }).execute();
      }
      await w.audit(
        actor,
        'setting.set',
        'setting',
        key,
        before ? (JSON.parse(before.value) as unknown) : null,
        value ?? null,
      );
    });
  }

  delete(actor: Actor, key: string): Promise<void> {
    return this.ctx.write(async (w) => {
      const before = await w.db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', key)
        .executeTakeFirst();
      if (!before) return;
      await w.db.deleteFrom('settings').where('key', '=', key).execute();
      await w.audit(
        actor,
        'setting.delete',
        'setting',
        key,
        JSON.parse(before.value) as unknown,
        null,
      );
    });
  }
}
