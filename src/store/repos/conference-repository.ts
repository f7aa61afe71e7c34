// Hội nghị: conferences of a round, their preparation fields and their state machine.

import { isCalendarDate, isRuleSetId, ok } from '../../rules/index.js';
import type { Actor, Conference, ConferenceStatus, Id } from '../../core/model/index.js';
import { defaultPlaceKind } from '../../core/conference/place-kind.js';
import { isInPreparation, transitionStatus } from '../../core/conference/conference-status.js';
import type { ConferencesTable } from '../db/schema.js';
import type { StoreContext } from '../db/store-context.js';
import type {
  ConferencePatch,
  ConferenceRepository,
  NewConference,
  StoreResult,
} from '../store.js';
import { err } from '../../rules/index.js';
import { invalid, notFound } from './failures.js';
import { flag, toConference, toUnit } from './mappers.js';

const nfc = (s: string): string => s.normalize('NFC').trim();

/** ConferenceRepository over Kysely. */
export class KyselyConferenceRepository implements ConferenceRepository {
  constructor(private readonly ctx: StoreContext) {}

  create(actor: Actor, input: NewConference): Promise<StoreResult<Conference>> {
    return this.ctx.write(async (w) => {
      const round = await w.db
        .selectFrom('rounds')
        .select(['id', 'rule_set_id'])
        .where('id', '=', input.roundId)
        .executeTakeFirst();
      if (!round) return notFound('round', input.roundId);
      const unitRow = await w.db
        .selectFrom('units')
        .selectAll()
        .where('id', '=', input.unitId)
        .executeTakeFirst();
      if (!unitRow) return notFound('unit', input.unitId);
      if (!isCalendarDate(input.date)) return invalid('date', `"${input.date}" is not a date.`);
      const ruleSetId = input.ruleSetId ?? round.rule_set_id;
      if (!isRuleSetId(ruleSetId)) return invalid('ruleSetId', `Unknown rule set "${ruleSetId}".`);
      if (nfc(input.title) === '') return invalid('title', 'A conference needs a title.');
      const row: ConferencesTable = {
        id: input.id ?? w.newId(),
        round_id: input.roundId,
        unit_id: input.unitId,
        title: nfc(input.title),
        date: input.date,
        place: nfc(input.place),
        chair: nfc(input.chair),
        rule_set_id: ruleSetId,
        place_kind: input.placeKind ?? defaultPlaceKind(toUnit(unitRow).kind),
        counting_mode: input.countingMode ?? 'paper',
        local_plan: input.localPlan ? JSON.stringify(input.localPlan) : null,
        status: 'draft',
        sample: flag(input.sample),
        created_at: w.now,
        updated_at: w.now,
      };
      await w.db.insertInto('conferences').values(row).execute();
      const conference = toConference(row);
      await w.audit(actor, 'conference.create', 'conference', conference.id, null, conference);
      return ok(conference);
    });
  }

  update(actor: Actor, id: Id, patch: ConferencePatch): Promise<StoreResult<Conference>> {
    return this.ctx.write(async (w) => {
      const before = await this.get(id, w.db);
      if (!before) return notFound('conference', id);
      if (!isInPreparation(before.status)) {
        return err({
          code: 'invalid_transition',
          field: 'status',
          message: `A conference that is "${before.status}" can no longer be edited.`,
        });
      }
      if (patch.date !== undefined && !isCalendarDate(patch.date)) {
        return invalid('date', `"${patch.date}" is not a date.`);
      }
      if (patch.ruleSetId !== undefined && !isRuleSetId(patch.ruleSetId)) {
        return invalid('ruleSetId', `Unknown rule set "${String(patch.ruleSetId)}".`);
      }
      const localPlan = patch.localPlan === undefined ? before.localPlan : patch.localPlan;
      await w.db
        .updateTable('conferences')
        .set({
          title: patch.title === undefined ? before.title : nfc(patch.title),
          date: patch.date ?? before.date,
          place: patch.place === undefined ? before.place : nfc(patch.place),
          chair: patch.chair === undefined ? before.chair : nfc(patch.chair),
          rule_set_id: patch.ruleSetId ?? before.ruleSetId,
          place_kind: patch.placeKind ?? before.placeKind,
          counting_mode: patch.countingMode ?? before.countingMode,
          local_plan: localPlan ? JSON.stringify(localPlan) : null,
          updated_at: w.now,
        })
        .where('id', '=', id)
        .execute();
      const after = (await this.get(id, w.db))!;
      await w.audit(actor, 'conference.update', 'conference', id, before, after);
      return ok(after);
    });
  }

  transition(actor: Actor, id: Id, to: ConferenceStatus): Promise<StoreResult<Conference>> {
    return this.ctx.write(async (w) => {
      const before = await this.get(id, w.db);
      if (!before) return notFound('conference', id);
      const moved = transitionStatus(before.status, to);
      if (!moved.ok) return moved;
      await w.db
        .updateTable('conferences')
        .set({ status: moved.value, updated_at: w.now })
        .where('id', '=', id)
        .execute();
      const after = (await this.get(id, w.db))!;
      await w.audit(actor, `conference.status.${to}`, 'conference', id, before, after);
      return ok(after);
    });
  }

  async get(id: Id, db = this.ctx.db): Promise<Conference | null> {
    const row = await db
      .selectFrom('conferences')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toConference(row) : null;
  }

  async list(filter?: {
    readonly roundId?: Id;
    readonly unitIds?: readonly Id[];
  }): Promise<Conference[]> {
    let query = this.ctx.db.selectFrom('conferences').selectAll();
    if (filter?.roundId !== undefined) query = query.where('round_id', '=', filter.roundId);
    if (filter?.unitIds) {
      if (filter.unitIds.length === 0) return [];
      query = query.where('unit_id', 'in', [...filter.unitIds]);
    }
    const rows = await query.orderBy('date').orderBy('title').orderBy('id').execute();
    return rows.map(toConference);
  }
}
