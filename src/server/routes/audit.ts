// Nhật ký thay đổi — the audit log for inspectors and the administrator, with the chain's verification.

import { z } from 'zod';
import { ok } from '../../rules/index.js';
import { requireRole } from '../auth/policy.js';
import type { AppDeps } from '../deps.js';
import { defineRoute, type Route } from '../http/route.js';
import { ID, plainText } from './schemas.js';

/** An audit entry as the API shows it. */
export const AUDIT_ENTRY = z
  .object({
    seq: z.number().int(),
    id: ID,
    at: z.string(),
    actorId: ID.nullable(),
    actorLabel: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });

/** The chain check: named problems by entry, not a bare boolean. */
export const CHAIN_VERIFICATION = z
  .object({
    ok: z.boolean(),
    entries: z.number().int(),
    headHash: z.string(),
    problems: z.array(z.object({ seq: z.number().int(), check: z.string(), detail: z.string() })),
  })
  .meta({ id: 'ChainVerification' });

/** The audit routes. Inspectors are read-only everywhere; the log is installation-wide. */
export function auditRoutes(deps: AppDeps): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/audit',
      tag: 'audit',
      summary: 'Audit entries (who, when, what, before/after), newest first by default',
      query: z.object({
        // Printable text only: PostgreSQL refuses NUL in a parameter (found by the API fuzzer).
        entityType: plainText(64).optional(),
        entityId: ID.optional(),
        // The sequence column is a 32-bit integer on PostgreSQL.
        afterSeq: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(100),
        order: z.enum(['newest', 'oldest']).default('newest'),
      }),
      response: z.object({ entries: z.array(AUDIT_ENTRY), total: z.number().int() }),
      authorize: requireRole(['inspector']),
      handler: async ({ query }) => {
        const entries = await deps.store.audit.list({
          ...(query.entityType === undefined ? {} : { entityType: query.entityType }),
          ...(query.entityId === undefined ? {} : { entityId: query.entityId }),
          ...(query.afterSeq === undefined ? {} : { afterSeq: query.afterSeq }),
          limit: query.limit,
          newestFirst: query.order === 'newest',
        });
        return ok({ entries, total: await deps.store.audit.count() });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/audit/verify',
      tag: 'audit',
      summary:
        'Recompute every hash and link of the chain; an edited or removed entry is reported by seq',
      response: CHAIN_VERIFICATION,
      authorize: requireRole(['inspector']),
      handler: async () => ok(await deps.store.audit.verifyChain()),
    }),
  ];
}
