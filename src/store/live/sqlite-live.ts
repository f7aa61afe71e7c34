// Live updates on SQLite: temporary triggers call a function that notes the change, announced after the commit.

import type BetterSqlite3 from 'better-sqlite3';
import {
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type TransactionSettings,
} from 'kysely';
import type { QueryCompiler, SqliteDialectConfig } from 'kysely';

type Compile = QueryCompiler['compileQuery'];
import { LIVE_TABLES } from './live-tables.js';
import { createLiveHub, decodeLiveChange, type LiveHub, type LiveUpdates } from './live-updates.js';

/** The SQL function the temporary triggers call. */
const FUNCTION = 'tinnhiem_live';

/**
 * Why this shape: one process holds a SQLite folder (the folder lock), so an in-process hub is enough.
 * The triggers are TEMP, made on this connection at every open, so the file itself holds no trigger and
 * no other connection (a backup, a test's raw connection) needs the function. Notices wait in `pending`
 * until the connection leaves its transaction: Kysely's SQLite driver releases the single connection
 * after every autocommit statement and after COMMIT or ROLLBACK; a ROLLBACK drops them.
 */
export class SqliteLive {
  readonly hub: LiveHub = createLiveHub();
  private readonly pending = new Set<string>();

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    sqlite.function(FUNCTION, { deterministic: false, varargs: false }, (conferenceId, topic) => {
      if (conferenceId !== null) this.pending.add(`${String(conferenceId)} ${String(topic)}`);
      return null;
    });
  }

  /** Creates the temporary triggers; call after the migrations (the tables must exist). */
  installTriggers(): void {
    for (const { table, column, topic } of LIVE_TABLES) {
      for (const op of ['INSERT', 'UPDATE', 'DELETE'] as const) {
        const row = op === 'DELETE' ? 'OLD' : 'NEW';
        this.sqlite.exec(
          `CREATE TEMP TRIGGER IF NOT EXISTS tinnhiem_live_${table}_${op.toLowerCase()} ` +
            `AFTER ${op} ON main.${table} BEGIN SELECT ${FUNCTION}(${row}.${column}, '${topic}'); END`,
        );
      }
    }
  }

  /** The port over the hub. */
  updates(): LiveUpdates {
    return {
      subscribe: (conferenceId, listener) => this.hub.subscribe(conferenceId, listener),
      ready: () => Promise.resolve(),
      subscriptions: () => this.hub.subscriptions(),
    };
  }

  /** A Kysely dialect whose driver announces the pending notices once the connection is out of a transaction. */
  dialect(config: SqliteDialectConfig): SqliteDialect {
    return new AnnouncingDialect(config, this);
  }

  /** Called when the connection is released. */
  settled(): void {
    if (this.sqlite.inTransaction || this.pending.size === 0) return;
    const payloads = [...this.pending];
    this.pending.clear();
    // After the caller's await resumes, so a listener never runs inside the driver.
    queueMicrotask(() => {
      for (const payload of payloads) {
        const change = decodeLiveChange(payload);
        if (change !== null) this.hub.emit(change);
      }
    });
  }

  /** Called after a ROLLBACK: the changes noted in the transaction did not happen. */
  rolledBack(): void {
    this.pending.clear();
  }
}

/** Kysely's SQLite dialect with the announcing driver. */
class AnnouncingDialect extends SqliteDialect {
  constructor(
    config: SqliteDialectConfig,
    private readonly live: SqliteLive,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    return new AnnouncingDriver(super.createDriver(), this.live);
  }
}

/** Delegates to Kysely's SQLite driver and tells SqliteLive when a transaction ends. */
class AnnouncingDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly live: SqliteLive,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }
  acquireConnection(): Promise<DatabaseConnection> {
    return this.inner.acquireConnection();
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(connection, settings);
  }
  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(connection);
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.inner.rollbackTransaction(connection);
    this.live.rolledBack();
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.live.settled();
    await this.inner.releaseConnection(connection);
  }
  destroy(): Promise<void> {
    return this.inner.destroy();
  }
  savepoint(connection: DatabaseConnection, name: string, compile: Compile): Promise<void> {
    return this.inner.savepoint!(connection, name, compile);
  }
  rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Compile,
  ): Promise<void> {
    return this.inner.rollbackToSavepoint!(connection, name, compile);
  }
  releaseSavepoint(connection: DatabaseConnection, name: string, compile: Compile): Promise<void> {
    return this.inner.releaseSavepoint!(connection, name, compile);
  }
}
