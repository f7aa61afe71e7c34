// What every repository shares: the connection or transaction, time, ids, and audited writes.

import type { Kysely } from 'kysely';
import type { Actor, Clock, IdGenerator } from '../../core/model/index.js';
import { AuditWriter } from './audit-chain.js';
import { assertOutsideTransaction } from './transaction-guard.js';
import type { SqlDialect } from './migrations.js';
import type { Database } from './schema.js';

/** Inside one write: the transaction, its time, new ids, and the audit append. */
export interface WriteScope {
  readonly db: Kysely<Database>;
  /** The time of this write (one clock reading per call). */
  readonly now: string;
  newId(): string;
  /** Appends an audit entry in this transaction. */
  audit(
    actor: Actor,
    action: string,
    entityType: string,
    entityId: string,
    before: unknown,
    after: unknown,
  ): Promise<void>;
  /** Appends several audit entries at once (imports). */
  auditMany(actor: Actor, events: readonly AuditEventInput[]): Promise<void>;
}

/** One audit event of `auditMany`. */
export interface AuditEventInput {
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** Thrown inside a Kysely transaction to roll it back while returning a failed Result. */
export class Rollback extends Error {
  constructor(readonly value: unknown) {
    super('rollback: the transaction returned a failed Result');
    this.name = 'Rollback';
  }
}

/** Whether a value is a failed Result ({ ok: false }). */
export function isFailedResult(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}

/** A unique-constraint error from either driver (SQLite SQLITE_CONSTRAINT_UNIQUE, PostgreSQL 23505). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** The repositories' context: the root database, or a transaction that `Store.transaction` opened. */
export class StoreContext {
  private txAudit: AuditWriter | null = null;

  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: SqlDialect,
    readonly clock: Clock,
    readonly ids: IdGenerator,
    /** True when `db` is a transaction shared by several calls. */
    readonly inTransaction: boolean,
  ) {}

  /** The same context over another root database (the guarded one), checked against `owner`. */
  withDatabase(db: Kysely<Database>, owner: symbol): StoreContext {
    const ctx = new StoreContext(db, this.dialect, this.clock, this.ids, false);
    ctx.owner = owner;
    return ctx;
  }

  /** The store this root context belongs to, for the transaction guard. */
  private owner: symbol | null = null;

  /** A context bound to a transaction. */
  forTransaction(trx: Kysely<Database>): StoreContext {
    return new StoreContext(trx, this.dialect, this.clock, this.ids, true);
  }

  /**
   * Runs a mutation in a transaction (the caller's, or a new one) with audit. A new transaction rolls
   * back when `fn` throws or returns a failed Result; inside the caller's, a failed Result is returned
   * and the caller's transaction decides (repositories check before they write).
   */
  async write<T>(fn: (scope: WriteScope) => Promise<T>): Promise<T> {
    if (this.owner !== null) assertOutsideTransaction(this.owner);
    if (this.inTransaction) {
      this.txAudit ??= new AuditWriter(this.db, this.dialect, () => this.ids.next());
      return fn(this.scope(this.db, this.txAudit));
    }
    try {
      return await this.db.transaction().execute(async (trx) => {
        const audit = new AuditWriter(trx, this.dialect, () => this.ids.next());
        const value = await fn(this.scope(trx, audit));
        if (isFailedResult(value)) throw new Rollback(value);
        return value;
      });
    } catch (error) {
      if (error instanceof Rollback) return error.value as T;
      // Two writers passed the same "is it free?" check at once: the unique index decided.
      if (isUniqueViolation(error)) {
        return {
          ok: false,
          error: {
            code: 'conflict',
            message: 'A unique value is already taken (concurrent write).',
          },
        } as T;
      }
      throw error;
    }
  }

  private scope(db: Kysely<Database>, writer: AuditWriter): WriteScope {
    const now = this.clock.now();
    return {
      db,
      now,
      newId: () => this.ids.next(),
      audit: async (actor, action, entityType, entityId, before, after) => {
        await writer.append(actor, now, action, entityType, entityId, before, after);
      },
      auditMany: async (actor, events) => {
        if (events.length > 0) await writer.appendMany(actor, now, events);
      },
    };
  }
}
