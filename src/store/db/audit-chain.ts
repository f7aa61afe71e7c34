// The audit chain: hash of an entry, appending under a lock (no forks), and verifying every link.

import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { canonicalJson } from '../../crypto/canonical-json.js';
import {
  GENESIS_HASH,
  type Actor,
  type AuditEntry,
  type ChainProblem,
  type ChainVerification,
} from '../../core/model/index.js';
import type { AuditLogTable, Database } from './schema.js';
import type { SqlDialect } from './migrations.js';

/** Key of the PostgreSQL transaction-level advisory lock that serialises appends ("TNAUDIT"). */
const AUDIT_LOCK_KEY = 0x544e41554449;

/** The hashed fields of an entry (everything but the hash). */
type Hashed = Omit<AuditEntry, 'hash'>;

/** SHA-256 hex of the canonical JSON of the entry's fields, `prevHash` included. */
export function auditEntryHash(entry: Hashed): string {
  const body = {
    seq: entry.seq,
    id: entry.id,
    at: entry.at,
    actorId: entry.actorId,
    actorLabel: entry.actorLabel,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    prevHash: entry.prevHash,
  };
  return createHash('sha256').update(canonicalJson(body), 'utf8').digest('hex');
}

/**
 * A JSON copy the canonical form accepts: undefined dropped, bytes replaced by their length, numbers
 * that are not safe integers kept as text (canonical JSON hashes integers only, spec §2.3).
 */
export function toJsonValue(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => {
      if (v instanceof Uint8Array) return { bytes: v.byteLength };
      if (typeof v === 'number' && !Number.isSafeInteger(v)) return String(v);
      return v;
    }),
  ) as unknown;
}

/** Appends entries within one transaction; the head is read once, under the lock. */
export class AuditWriter {
  private head: { seq: number; hash: string } | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: SqlDialect,
    private readonly newId: () => string,
  ) {}

  /** Appends one entry after the current head. */
  async append(
    actor: Actor,
    at: string,
    action: string,
    entityType: string,
    entityId: string,
    before: unknown,
    after: unknown,
  ): Promise<AuditEntry> {
    const [entry] = await this.appendMany(actor, at, [
      { action, entityType, entityId, before, after },
    ]);
    return entry!;
  }

  /** Appends several entries in order, inserted in batches (imports write thousands). */
  async appendMany(
    actor: Actor,
    at: string,
    events: readonly {
      action: string;
      entityType: string;
      entityId: string;
      before: unknown;
      after: unknown;
    }[],
  ): Promise<AuditEntry[]> {
    const head = await this.lockedHead();
    const entries: AuditEntry[] = [];
    let { seq, hash } = head;
    for (const event of events) {
      const fields: Hashed = {
        seq: seq + 1,
        id: this.newId(),
        at,
        actorId: actor.userId,
        actorLabel: actor.label,
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId,
        before: toJsonValue(event.before),
        after: toJsonValue(event.after),
        prevHash: hash,
      };
      const entry: AuditEntry = { ...fields, hash: auditEntryHash(fields) };
      entries.push(entry);
      seq = entry.seq;
      hash = entry.hash;
    }
    // 12 columns × 400 rows stays under SQLite's bound-parameter limit.
    for (let i = 0; i < entries.length; i += 400) {
      await this.db
        .insertInto('audit_log')
        .values(entries.slice(i, i + 400).map(toRow))
        .execute();
    }
    this.head = { seq, hash };
    return entries;
  }

  private async lockedHead(): Promise<{ seq: number; hash: string }> {
    if (this.head !== null) return this.head;
    // PostgreSQL: one appender at a time until commit, so two transactions never link to the same
    // head; the lock and the read are one round trip (migration 0006). SQLite has one writer already
    // (one connection, one process per folder).
    const last =
      this.dialect === 'postgres'
        ? (
            await sql<{ seq: number; hash: string }>`
              select seq, hash from tinnhiem_audit_head(${AUDIT_LOCK_KEY})`.execute(this.db)
          ).rows[0]
        : await this.db
            .selectFrom('audit_log')
            .select(['seq', 'hash'])
            .orderBy('seq', 'desc')
            .limit(1)
            .executeTakeFirst();
    this.head = last ? { seq: Number(last.seq), hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
    return this.head;
  }
}

/** Reads an audit row as an entry. */
export function fromAuditRow(row: AuditLogTable): AuditEntry {
  return {
    seq: Number(row.seq),
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: JSON.parse(row.before_json) as unknown,
    after: JSON.parse(row.after_json) as unknown,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function toRow(entry: AuditEntry): AuditLogTable {
  return {
    seq: entry.seq,
    id: entry.id,
    at: entry.at,
    actor_id: entry.actorId,
    actor_label: entry.actorLabel,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    before_json: JSON.stringify(entry.before ?? null),
    after_json: JSON.stringify(entry.after ?? null),
    prev_hash: entry.prevHash,
    hash: entry.hash,
  };
}

/** Walks the chain in pages: sequence without gaps, each link, each recomputed hash. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<ChainVerification> {
  const problems: ChainProblem[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let entries = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(2000)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const entry = fromAuditRow(row);
      entries++;
      if (entry.seq !== expectedSeq) {
        problems.push({
          seq: entry.seq,
          check: 'sequence',
          detail: `expected entry ${expectedSeq}, found ${entry.seq}`,
        });
      }
      if (entry.prevHash !== prevHash) {
        problems.push({
          seq: entry.seq,
          check: 'prev_link',
          detail: `links to ${entry.prevHash.slice(0, 12)}…, previous entry is ${prevHash.slice(0, 12)}…`,
        });
      }
      let recomputed: string;
      try {
        recomputed = auditEntryHash(entry);
      } catch (error) {
        recomputed = `unhashable: ${String(error)}`;
      }
      if (recomputed !== entry.hash) {
        problems.push({
          seq: entry.seq,
          check: 'entry_hash',
          detail: 'the stored hash does not match the entry: it was changed after it was written',
        });
      }
      prevHash = entry.hash;
      expectedSeq = entry.seq + 1;
    }
  }
  return { ok: problems.length === 0, entries, headHash: prevHash, problems };
}
