// The Store over Kysely: the same repositories for SQLite and PostgreSQL, and transactions.

import type { Kysely } from 'kysely';
import type { Database } from './db/schema.js';
import type { StoreContext } from './db/store-context.js';
import { isFailedResult, Rollback } from './db/store-context.js';
import {
  assertOutsideTransaction,
  OutsideTransactionGuard,
  runInsideTransaction,
} from './db/transaction-guard.js';
import { KyselyAuditRepository } from './repos/audit-repository.js';
import { KyselyCheckInCodeRepository } from './repos/check-in-code-repository.js';
import { KyselyCommitteeRepository } from './repos/committee-repository.js';
import { KyselyCountingRepository } from './repos/counting-repository.js';
import { KyselyFollowUpRepository } from './repos/follow-up-repository.js';
import { KyselyElectionRepository } from './electronic/election-repository.js';
import { KyselyResultRepository } from './repos/result-repository.js';
import { KyselyBallotStyleRepository } from './repos/ballot-style-repository.js';
import { KyselyConferenceRepository } from './repos/conference-repository.js';
import { KyselyParticipantRepository } from './repos/participant-repository.js';
import { KyselyPersonRepository } from './repos/person-repository.js';
import { KyselyPositionRepository } from './repos/position-repository.js';
import { KyselyQuestionRepository } from './repos/question-repository.js';
import { KyselyReportRepository } from './repos/report-repository.js';
import { KyselyRoundRepository } from './repos/round-repository.js';
import { KyselySubjectRepository } from './repos/subject-repository.js';
import { KyselyUnitRepository } from './repos/unit-repository.js';
import {
  KyselySessionRepository,
  KyselySettingsRepository,
  KyselyUserRepository,
} from './repos/user-repository.js';
import type { LiveUpdates } from './live/live-updates.js';
import type { Repositories, Store } from './store.js';

/** Every repository over one context. */
function repositories(ctx: StoreContext): Repositories {
  return {
    units: new KyselyUnitRepository(ctx),
    rounds: new KyselyRoundRepository(ctx),
    persons: new KyselyPersonRepository(ctx),
    positions: new KyselyPositionRepository(ctx),
    conferences: new KyselyConferenceRepository(ctx),
    subjects: new KyselySubjectRepository(ctx),
    participants: new KyselyParticipantRepository(ctx),
    ballotStyles: new KyselyBallotStyleRepository(ctx),
    reports: new KyselyReportRepository(ctx),
    questions: new KyselyQuestionRepository(ctx),
    users: new KyselyUserRepository(ctx),
    sessions: new KyselySessionRepository(ctx),
    settings: new KyselySettingsRepository(ctx),
    audit: new KyselyAuditRepository(ctx),
    checkInCodes: new KyselyCheckInCodeRepository(ctx),
    committee: new KyselyCommitteeRepository(ctx),
    counting: new KyselyCountingRepository(ctx),
    results: new KyselyResultRepository(ctx),
    followUps: new KyselyFollowUpRepository(ctx),
    elections: new KyselyElectionRepository(ctx),
  };
}

/**
 * Builds the Store on an open, migrated database; `onClose` releases what the opener holds (run before
 * the database is destroyed too, by `beforeClose`: the live-update connection). The root repositories run
 * through a guard that refuses to be used from inside `transaction(fn)`.
 */
export function createKyselyStore(
  db: Kysely<Database>,
  ctx: StoreContext,
  onClose: () => Promise<void>,
  live: LiveUpdates,
  beforeClose: () => Promise<void> = () => Promise.resolve(),
): Store {
  const owner = Symbol('store');
  const guarded = db.withPlugin(new OutsideTransactionGuard(owner));
  const repos = repositories(ctx.withDatabase(guarded, owner));
  let closed = false;
  return {
    ...repos,
    dialect: ctx.dialect,
    live,
    async transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T> {
      assertOutsideTransaction(owner);
      try {
        return await db.transaction().execute(async (trx) => {
          const value = await runInsideTransaction(owner, () =>
            fn(repositories(ctx.forTransaction(trx))),
          );
          if (isFailedResult(value)) throw new Rollback(value);
          return value;
        });
      } catch (error) {
        if (error instanceof Rollback) return error.value as T;
        throw error;
      }
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      try {
        await beforeClose();
        await db.destroy();
      } finally {
        await onClose();
      }
    },
  };
}
