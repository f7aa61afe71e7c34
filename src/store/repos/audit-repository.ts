// Nhật ký thay đổi: reading the chain, appending events, verifying every link.

import type { Actor, AuditEntry, ChainVerification } from '../../core/model/index.js';
import { fromAuditRow, verifyAuditChain } from '../db/audit-chain.js';
import type { StoreContext } from '../db/store-context.js';
import type { AuditEvent, AuditQuery, AuditRepository } from '../store.js';
import { num } from './mappers.js';

/** AuditRepository over Kysely. */
export class KyselyAuditRepository implements AuditRepository {
  constructor(private readonly ctx: StoreContext) {}

  append(actor: Actor, event: AuditEvent): Promise<AuditEntry> {
    return this.ctx.write(async (w) => {
      await w.audit(
        actor,
        event.action,
        event.entityType,
        event.entityId,
        event.before,
        event.after,
      );
      const row = await w.db
        .selectFrom('audit_log')
        .selectAll()
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      return fromAuditRow(row);
    });
  }

  async list(query: AuditQuery = {}): Promise<AuditEntry[]> {
    const limit = Math.min(Math.max(query.limit ?? 100, 1), 1000);
    let q = this.ctx.db.selectFrom('audit_log').selectAll();
    if (query.entityType !== undefined) q = q.where('entity_type', '=', query.entityType);
    if (query.entityId !== undefined) q = q.where('entity_id', '=', query.entityId);
    if (query.afterSeq !== undefined) q = q.where('seq', '>', query.afterSeq);
    const rows = await q
      .orderBy('seq', query.newestFirst ? 'desc' : 'asc')
      .limit(limit)
      .execute();
    return rows.map(fromAuditRow);
  }

  async count(): Promise<number> {
    const row = await this.ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return num(row.n);
  }

  verifyChain(): Promise<ChainVerification> {
    return verifyAuditChain(this.ctx.db);
  }
}
