// Theo dõi sau kết quả: the follow-up a band result opens (resign or no-confidence vote; flag for the authority).

import { ok } from '../../rules/index.js';
import type {
  Actor,
  FollowUp,
  FollowUpDecision,
  Id,
  NoConfidenceVoteCounts,
} from '../../core/model/index.js';
import type { FollowUpsTable } from '../db/conference-day-schema.js';
import type { StoreContext } from '../db/store-context.js';
import type { FollowUpDue, FollowUpRepository } from '../conference-day-store.js';
import type { StoreResult } from '../store.js';
import { notFound } from './failures.js';

function toFollowUp(row: FollowUpsTable): FollowUp {
  return {
    id: row.id,
    conferenceId: row.conference_id,
    subjectId: row.subject_id,
    personId: row.person_id,
    fullName: row.full_name,
    outcome: row.outcome as FollowUp['outcome'],
    kind: row.kind as FollowUp['kind'],
    decision: row.decision as FollowUpDecision,
    note: row.note,
    vote: row.vote === null ? null : (JSON.parse(row.vote) as NoConfidenceVoteCounts),
  };
}

/** FollowUpRepository over Kysely. */
export class KyselyFollowUpRepository implements FollowUpRepository {
  constructor(private readonly ctx: StoreContext) {}

  syncWithResult(
    actor: Actor,
    conferenceId: Id,
    due: readonly FollowUpDue[],
  ): Promise<StoreResult<FollowUp[]>> {
    return this.ctx.write(async (w) => {
      const existing = await this.list(conferenceId, w.db);
      const bySubject = new Map(existing.map((f) => [f.subjectId, f]));
      for (const item of due) {
        const before = bySubject.get(item.subjectId);
        if (before) {
          if (before.outcome === item.outcome) continue;
          await w.db
            .updateTable('follow_ups')
            .set({ outcome: item.outcome, kind: item.kind, updated_at: w.now })
            .where('id', '=', before.id)
            .execute();
          await w.audit(actor, 'follow_up.update', 'follow_up', before.id, before, item);
        } else {
          const row: FollowUpsTable = {
            id: w.newId(),
            conference_id: conferenceId,
            subject_id: item.subjectId,
            person_id: item.personId,
            full_name: item.fullName,
            outcome: item.outcome,
            kind: item.kind,
            decision: 'pending',
            note: '',
            vote: null,
            created_at: w.now,
            updated_at: w.now,
          };
          await w.db.insertInto('follow_ups').values(row).execute();
          await w.audit(actor, 'follow_up.open', 'follow_up', row.id, null, toFollowUp(row));
        }
      }
      const dueSubjects = new Set(due.map((d) => d.subjectId));
      for (const f of existing) {
        // A correction took the person out of every band: an untouched follow-up goes; a decided one stays.
        if (!dueSubjects.has(f.subjectId) && f.decision === 'pending' && f.vote === null) {
          await w.db.deleteFrom('follow_ups').where('id', '=', f.id).execute();
          await w.audit(actor, 'follow_up.close', 'follow_up', f.id, f, null);
        }
      }
      return ok(await this.list(conferenceId, w.db));
    });
  }

  update(
    actor: Actor,
    id: Id,
    patch: {
      readonly decision?: FollowUpDecision;
      readonly note?: string;
      readonly vote?: NoConfidenceVoteCounts | null;
    },
  ): Promise<StoreResult<FollowUp>> {
    return this.ctx.write(async (w) => {
      const before = await this.get(id, w.db);
      if (!before) return notFound('follow-up', id);
      const vote = patch.vote === undefined ? before.vote : patch.vote;
      await w.db
        .updateTable('follow_ups')
        .set({
          decision: patch.decision ?? before.decision,
          note: patch.note === undefined ? before.note : patch.note.normalize('NFC').trim(),
          vote: vote === null ? null : JSON.stringify(vote),
          updated_at: w.now,
        })
        .where('id', '=', id)
        .execute();
      const after = (await this.get(id, w.db))!;
      await w.audit(actor, 'follow_up.update', 'follow_up', id, before, after);
      return ok(after);
    });
  }

  async get(id: Id, db = this.ctx.db): Promise<FollowUp | null> {
    const row = await db
      .selectFrom('follow_ups')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toFollowUp(row) : null;
  }

  async list(conferenceId: Id, db = this.ctx.db): Promise<FollowUp[]> {
    const rows = await db
      .selectFrom('follow_ups')
      .selectAll()
      .where('conference_id', '=', conferenceId)
      .orderBy('created_at')
      .orderBy('full_name')
      .execute();
    return rows.map(toFollowUp);
  }
}
