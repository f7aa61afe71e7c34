// Người được lấy phiếu: the proposals of a conference and the organiser's decisions.

import { err, ok } from '../../rules/index.js';
import type { Actor, ConferenceSubject, Id } from '../../core/model/index.js';
import { isInPreparation } from '../../core/conference/conference-status.js';
import { checkSubjectDecision } from '../../core/subjects/decide-subject.js';
import type { SubjectProposal } from '../../core/subjects/propose-subjects.js';
import type { ConferenceSubjectsTable } from '../db/schema.js';
import type { StoreContext } from '../db/store-context.js';
import type { StoreResult, SubjectDecisionInput, SubjectRepository } from '../store.js';
import { notFound } from './failures.js';
import { toConference, toSubject } from './mappers.js';

/** SubjectRepository over Kysely. */
export class KyselySubjectRepository implements SubjectRepository {
  constructor(private readonly ctx: StoreContext) {}

  saveProposals(
    actor: Actor,
    conferenceId: Id,
    proposals: readonly SubjectProposal[],
  ): Promise<StoreResult<ConferenceSubject[]>> {
    return this.ctx.write(async (w) => {
      const conferenceRow = await w.db
        .selectFrom('conferences')
        .selectAll()
        .where('id', '=', conferenceId)
        .executeTakeFirst();
      if (!conferenceRow) return notFound('conference', conferenceId);
      if (!isInPreparation(toConference(conferenceRow).status)) {
        return err({
          code: 'invalid_transition',
          field: 'status',
          message: 'The persons voted on can change only before the conference opens.',
        });
      }
      const before = await this.list(conferenceId, w.db);
      const key = (personId: string, holdingIds: readonly string[]): string =>
        `${personId}|${[...holdingIds].sort().join(',')}`;
      const previous = new Map(before.map((s) => [key(s.personId, s.positionHoldingIds), s]));
      await w.db
        .deleteFrom('conference_subjects')
        .where('conference_id', '=', conferenceId)
        .execute();
      const rows: ConferenceSubjectsTable[] = proposals.map((p) => {
        const kept = previous.get(key(p.personId, p.positionHoldingIds));
        return {
          id: kept?.id ?? w.newId(),
          conference_id: conferenceId,
          person_id: p.personId,
          holding_ids: JSON.stringify(p.positionHoldingIds),
          title: p.title,
          ord: p.order,
          proposal: p.proposal,
          exclusions: JSON.stringify(p.exclusions),
          // A decision stays only while it still agrees with the proposal or carries its reason.
          decision:
            kept && (kept.decision === p.proposal || kept.overrideReason) ? kept.decision : null,
          override_reason:
            kept && (kept.decision === p.proposal || kept.overrideReason)
              ? kept.overrideReason
              : null,
          decided_by: kept?.decidedBy ?? null,
          decided_at: kept?.decidedAt ?? null,
          created_at: kept?.createdAt ?? w.now,
          updated_at: w.now,
        };
      });
      for (const row of rows) {
        if (row.decision === null) {
          row.decided_by = null;
          row.decided_at = null;
        }
      }
      if (rows.length > 0) await w.db.insertInto('conference_subjects').values(rows).execute();
      const after = rows.map(toSubject);
      await w.audit(actor, 'subject.propose', 'conference', conferenceId, before, after);
      return ok(after);
    });
  }

  decide(
    actor: Actor,
    id: Id,
    input: SubjectDecisionInput,
  ): Promise<StoreResult<ConferenceSubject>> {
    return this.ctx.write(async (w) => {
      const before = await this.get(id, w.db);
      if (!before) return notFound('subject', id);
      const conferenceRow = await w.db
        .selectFrom('conferences')
        .selectAll()
        .where('id', '=', before.conferenceId)
        .executeTakeFirstOrThrow();
      if (!isInPreparation(toConference(conferenceRow).status)) {
        return err({
          code: 'invalid_transition',
          field: 'status',
          message: 'The persons voted on can change only before the conference opens.',
        });
      }
      const checked = checkSubjectDecision(before.proposal, input.decision, input.overrideReason);
      if (!checked.ok) return checked;
      await w.db
        .updateTable('conference_subjects')
        .set({
          decision: checked.value.decision,
          override_reason: checked.value.overrideReason,
          decided_by: actor.userId,
          decided_at: w.now,
          updated_at: w.now,
        })
        .where('id', '=', id)
        .execute();
      const after = (await this.get(id, w.db))!;
      const action = checked.value.overrideReason === null ? 'subject.confirm' : 'subject.override';
      await w.audit(actor, action, 'subject', id, before, after);
      return ok(after);
    });
  }

  async get(id: Id, db = this.ctx.db): Promise<ConferenceSubject | null> {
    const row = await db
      .selectFrom('conference_subjects')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toSubject(row) : null;
  }

  async list(conferenceId: Id, db = this.ctx.db): Promise<ConferenceSubject[]> {
    const rows = await db
      .selectFrom('conference_subjects')
      .selectAll()
      .where('conference_id', '=', conferenceId)
      .orderBy('ord')
      .orderBy('id')
      .execute();
    return rows.map(toSubject);
  }
}
