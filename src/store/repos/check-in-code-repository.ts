// Mã điểm danh: one random code per participant, printed (and as a QR code) on the invitation.

import { ok } from '../../rules/index.js';
import type { Actor, CheckInCode, Id } from '../../core/model/index.js';
import type { StoreContext } from '../db/store-context.js';
import type { CheckInCodeRepository } from '../conference-day-store.js';
import type { StoreResult } from '../store.js';
import { notFound } from './failures.js';
import { conferenceExists } from './conference-exists.js';

/** CheckInCodeRepository over Kysely. */
export class KyselyCheckInCodeRepository implements CheckInCodeRepository {
  constructor(private readonly ctx: StoreContext) {}

  ensure(
    actor: Actor,
    conferenceId: Id,
    makeCode: () => string,
  ): Promise<StoreResult<CheckInCode[]>> {
    return this.ctx.write(async (w) => {
      if (!(await conferenceExists(w.db, conferenceId)))
        return notFound('conference', conferenceId);
      const missing = await w.db
        .selectFrom('participants')
        .leftJoin('check_in_codes', 'check_in_codes.participant_id', 'participants.id')
        .select('participants.id')
        .where('participants.conference_id', '=', conferenceId)
        .where('check_in_codes.code', 'is', null)
        .execute();
      for (const { id } of missing) {
        // ~50 random bits: a clash is astronomically rare, but the unique index decides, so retry.
        for (let attempt = 0; ; attempt++) {
          const code = makeCode();
          const taken = await w.db
            .selectFrom('check_in_codes')
            .select('code')
            .where('code', '=', code)
            .executeTakeFirst();
          if (!taken) {
            await w.db
              .insertInto('check_in_codes')
              .values({ participant_id: id, conference_id: conferenceId, code })
              .execute();
            break;
          }
          if (attempt > 10) throw new Error('check-in codes: the code source repeats itself');
        }
      }
      if (missing.length > 0) {
        await w.audit(actor, 'check_in_code.create', 'conference', conferenceId, null, {
          created: missing.length,
        });
      }
      const rows = await w.db
        .selectFrom('check_in_codes')
        .innerJoin('participants', 'participants.id', 'check_in_codes.participant_id')
        .select(['check_in_codes.participant_id', 'check_in_codes.code'])
        .where('check_in_codes.conference_id', '=', conferenceId)
        .orderBy('participants.ord')
        .execute();
      return ok(rows.map((r) => ({ participantId: r.participant_id, conferenceId, code: r.code })));
    });
  }

  async find(code: string): Promise<CheckInCode | null> {
    const row = await this.ctx.db
      .selectFrom('check_in_codes')
      .selectAll()
      .where('code', '=', code)
      .executeTakeFirst();
    return row
      ? { participantId: row.participant_id, conferenceId: row.conference_id, code: row.code }
      : null;
  }
}
