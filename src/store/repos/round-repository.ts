// Đợt lấy phiếu / Kế hoạch: rounds with their participating units, deadlines and place priority.

import {
  DEFAULT_PLACE_PRIORITY,
  isCalendarDate,
  isRuleSetId,
  ok,
  PLAN_DEADLINES,
  type Deadlines,
} from '../../rules/index.js';
import type { Actor, Id, PlanReference, Round } from '../../core/model/index.js';
import type { Kysely } from 'kysely';
import type { Database, RoundsTable } from '../db/schema.js';
import type { StoreContext } from '../db/store-context.js';
import type { NewRound, RoundPatch, RoundRepository, StoreResult, StoreFailure } from '../store.js';
import { invalid, notFound } from './failures.js';
import { flag, toRound } from './mappers.js';

/** RoundRepository over Kysely. */
export class KyselyRoundRepository implements RoundRepository {
  constructor(private readonly ctx: StoreContext) {}

  create(actor: Actor, input: NewRound): Promise<StoreResult<Round>> {
    return this.ctx.write(async (w) => {
      const bad = checkRound(input.plan, input.ruleSetId, input.year, input.deadlines);
      if (bad) return bad;
      const missing = await missingUnit(w.db, input.unitIds);
      if (missing) return notFound('unit', missing);
      const row: RoundsTable = {
        id: input.id ?? w.newId(),
        plan_number: input.plan.number.normalize('NFC').trim(),
        plan_date: input.plan.date,
        plan_issuing_body: input.plan.issuingBody.normalize('NFC').trim(),
        title: input.title.normalize('NFC').trim(),
        rule_set_id: input.ruleSetId,
        year: input.year,
        deadlines: JSON.stringify(input.deadlines ?? PLAN_DEADLINES),
        place_priority: JSON.stringify(input.placePriority ?? DEFAULT_PLACE_PRIORITY),
        sample: flag(input.sample),
        created_at: w.now,
        updated_at: w.now,
      };
      await w.db.insertInto('rounds').values(row).execute();
      await setUnits(w.db, row.id, input.unitIds);
      const round = toRound(row, [...input.unitIds]);
      await w.audit(actor, 'round.create', 'round', round.id, null, round);
      return ok(round);
    });
  }

  update(actor: Actor, id: Id, patch: RoundPatch): Promise<StoreResult<Round>> {
    return this.ctx.write(async (w) => {
      const before = await this.get(id, w.db);
      if (!before) return notFound('round', id);
      const next = { ...before, ...stripUndefined(patch) };
      const bad = checkRound(next.plan, next.ruleSetId, next.year, next.deadlines);
      if (bad) return bad;
      if (patch.unitIds) {
        const missing = await missingUnit(w.db, patch.unitIds);
        if (missing) return notFound('unit', missing);
      }
      await w.db
        .updateTable('rounds')
        .set({
          plan_number: next.plan.number.normalize('NFC').trim(),
          plan_date: next.plan.date,
          plan_issuing_body: next.plan.issuingBody.normalize('NFC').trim(),
          title: next.title.normalize('NFC').trim(),
          rule_set_id: next.ruleSetId,
          year: next.year,
          deadlines: JSON.stringify(next.deadlines),
          place_priority: JSON.stringify(next.placePriority),
          updated_at: w.now,
        })
        .where('id', '=', id)
        .execute();
      if (patch.unitIds) {
        await w.db.deleteFrom('round_units').where('round_id', '=', id).execute();
        await setUnits(w.db, id, patch.unitIds);
      }
      const after = (await this.get(id, w.db))!;
      await w.audit(actor, 'round.update', 'round', id, before, after);
      return ok(after);
    });
  }

  async get(id: Id, db = this.ctx.db): Promise<Round | null> {
    const row = await db.selectFrom('rounds').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const units = await db
      .selectFrom('round_units')
      .select('unit_id')
      .where('round_id', '=', id)
      .orderBy('position')
      .execute();
    return toRound(
      row,
      units.map((u) => u.unit_id),
    );
  }

  async list(filter?: { readonly unitIds?: readonly Id[] }): Promise<Round[]> {
    let query = this.ctx.db.selectFrom('rounds').selectAll();
    if (filter?.unitIds) {
      if (filter.unitIds.length === 0) return [];
      query = query.where(
        'id',
        'in',
        this.ctx.db
          .selectFrom('round_units')
          .select('round_id')
          .where('unit_id', 'in', [...filter.unitIds]),
      );
    }
    const rows = await query.orderBy('year', 'desc').orderBy('created_at', 'desc').execute();
    const links = await this.ctx.db
      .selectFrom('round_units')
      .select(['round_id', 'unit_id'])
      .orderBy('position')
      .execute();
    return rows.map((row) =>
      toRound(
        row,
        links.filter((l) => l.round_id === row.id).map((l) => l.unit_id),
      ),
    );
  }
}

async function setUnits(db: Kysely<Database>, roundId: Id, unitIds: readonly Id[]): Promise<void> {
  const unique = [...new Set(unitIds)];
  if (unique.length === 0) return;
  await db
    .insertInto('round_units')
    .values(unique.map((unit_id, position) => ({ round_id: roundId, unit_id, position })))
    .execute();
}

async function missingUnit(db: Kysely<Database>, unitIds: readonly Id[]): Promise<Id | null> {
  if (unitIds.length === 0) return null;
  const found = await db
    .selectFrom('units')
    .select('id')
    .where('id', 'in', [...unitIds])
    .execute();
  const have = new Set(found.map((r) => r.id));
  return unitIds.find((id) => !have.has(id)) ?? null;
}

function checkRound(
  plan: PlanReference,
  ruleSetId: string,
  year: number,
  deadlines: Deadlines | undefined,
): { ok: false; error: StoreFailure } | null {
  if (plan.number.trim() === '') return invalid('plan.number', 'A round needs its plan number.');
  if (plan.date !== null && !isCalendarDate(plan.date)) {
    return invalid('plan.date', `Plan date "${plan.date}" is not a date YYYY-MM-DD.`);
  }
  if (!isRuleSetId(ruleSetId)) return invalid('ruleSetId', `Unknown rule set "${ruleSetId}".`);
  if (!Number.isSafeInteger(year) || year < 2000 || year > 2100) {
    return invalid('year', `Year ${year} is out of range.`);
  }
  if (deadlines) {
    for (const [key, days] of Object.entries(deadlines)) {
      if (!Number.isSafeInteger(days) || days < 0 || days > 365) {
        return invalid(`deadlines.${key}`, `Deadline ${key} must be 0–365 days before.`);
      }
    }
  }
  return null;
}

function stripUndefined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
