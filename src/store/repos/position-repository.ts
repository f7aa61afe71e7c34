// Chức danh, chức vụ: positions held by persons in units, from a date.

import { isCalendarDate, ok, type CalendarDate } from '../../rules/index.js';
import type { Actor, Id, PositionHolding } from '../../core/model/index.js';
import { defaultPlaceKind } from '../../core/conference/place-kind.js';
import type { PositionHoldingsTable } from '../db/schema.js';
import type { StoreContext } from '../db/store-context.js';
import type {
  NewPositionHolding,
  PositionPatch,
  PositionRepository,
  StoreResult,
} from '../store.js';
import { invalid, notFound } from './failures.js';
import { flag, toHolding, toUnit } from './mappers.js';

/** PositionRepository over Kysely. */
export class KyselyPositionRepository implements PositionRepository {
  constructor(private readonly ctx: StoreContext) {}

  create(actor: Actor, input: NewPositionHolding): Promise<StoreResult<PositionHolding>> {
    return this.ctx.write(async (w) => {
      const person = await w.db
        .selectFrom('persons')
        .select('id')
        .where('id', '=', input.personId)
        .executeTakeFirst();
      if (!person) return notFound('person', input.personId);
      const unitRow = await w.db
        .selectFrom('units')
        .selectAll()
        .where('id', '=', input.unitId)
        .executeTakeFirst();
      if (!unitRow) return notFound('unit', input.unitId);
      const bad = checkDates(
        input.startDate,
        input.endDate ?? null,
        input.illnessLeaveSince ?? null,
      );
      if (bad) return bad;
      const title = input.title.normalize('NFC').trim();
      if (title === '') return invalid('title', 'A position needs a title.');
      const row: PositionHoldingsTable = {
        id: input.id ?? w.newId(),
        person_id: input.personId,
        unit_id: input.unitId,
        title,
        start_date: input.startDate,
        end_date: input.endDate ?? null,
        place_kind: input.placeKind ?? defaultPlaceKind(toUnit(unitRow).kind),
        retirement_notified: flag(input.retirementNotified),
        illness_leave_since: input.illnessLeaveSince ?? null,
        rank: input.rank ?? 100,
        sample: flag(input.sample),
        created_at: w.now,
        updated_at: w.now,
      };
      await w.db.insertInto('position_holdings').values(row).execute();
      const holding = toHolding(row);
      await w.audit(actor, 'position.create', 'position', holding.id, null, holding);
      return ok(holding);
    });
  }

  update(actor: Actor, id: Id, patch: PositionPatch): Promise<StoreResult<PositionHolding>> {
    return this.ctx.write(async (w) => {
      const before = await this.get(id, w.db);
      if (!before) return notFound('position', id);
      if (patch.unitId !== undefined) {
        const unit = await w.db
          .selectFrom('units')
          .select('id')
          .where('id', '=', patch.unitId)
          .executeTakeFirst();
        if (!unit) return notFound('unit', patch.unitId);
      }
      const next = {
        unitId: patch.unitId ?? before.unitId,
        title: patch.title === undefined ? before.title : patch.title.normalize('NFC').trim(),
        startDate: patch.startDate ?? before.startDate,
        endDate: patch.endDate === undefined ? before.endDate : patch.endDate,
        placeKind: patch.placeKind ?? before.placeKind,
        retirementNotified: patch.retirementNotified ?? before.retirementNotified,
        illnessLeaveSince:
          patch.illnessLeaveSince === undefined
            ? before.illnessLeaveSince
            : patch.illnessLeaveSince,
        rank: patch.rank ?? before.rank,
      };
      const bad = checkDates(next.startDate, next.endDate, next.illnessLeaveSince);
      if (bad) return bad;
      if (next.title === '') return invalid('title', 'A position needs a title.');
      await w.db
        .updateTable('position_holdings')
        .set({
          unit_id: next.unitId,
          title: next.title,
          start_date: next.startDate,
          end_date: next.endDate,
          place_kind: next.placeKind,
          retirement_notified: flag(next.retirementNotified),
          illness_leave_since: next.illnessLeaveSince,
          rank: next.rank,
          updated_at: w.now,
        })
        .where('id', '=', id)
        .execute();
      const after = (await this.get(id, w.db))!;
      await w.audit(actor, 'position.update', 'position', id, before, after);
      return ok(after);
    });
  }

  delete(actor: Actor, id: Id): Promise<StoreResult<PositionHolding>> {
    return this.ctx.write(async (w) => {
      const before = await this.get(id, w.db);
      if (!before) return notFound('position', id);
      await w.db.deleteFrom('position_holdings').where('id', '=', id).execute();
      await w.audit(actor, 'position.delete', 'position', id, before, null);
      return ok(before);
    });
  }

  async get(id: Id, db = this.ctx.db): Promise<PositionHolding | null> {
    const row = await db
      .selectFrom('position_holdings')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toHolding(row) : null;
  }

  async listByPerson(personId: Id): Promise<PositionHolding[]> {
    const rows = await this.ctx.db
      .selectFrom('position_holdings')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('start_date')
      .orderBy('id')
      .execute();
    return rows.map(toHolding);
  }

  async listByUnits(
    unitIds: readonly Id[],
    filter?: { readonly heldOn?: CalendarDate },
  ): Promise<PositionHolding[]> {
    if (unitIds.length === 0) return [];
    let query = this.ctx.db
      .selectFrom('position_holdings')
      .selectAll()
      .where('unit_id', 'in', [...unitIds]);
    if (filter?.heldOn) {
      const day = filter.heldOn;
      query = query
        .where('start_date', '<=', day)
        .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', day)]));
    }
    const rows = await query.orderBy('rank').orderBy('title').orderBy('id').execute();
    return rows.map(toHolding);
  }
}

function checkDates(
  start: CalendarDate,
  end: CalendarDate | null,
  illness: CalendarDate | null,
): ReturnType<typeof invalid> | null {
  if (!isCalendarDate(start)) return invalid('startDate', `"${start}" is not a date YYYY-MM-DD.`);
  if (end !== null && !isCalendarDate(end)) {
    return invalid('endDate', `"${end}" is not a date YYYY-MM-DD.`);
  }
  if (end !== null && end < start)
    return invalid('endDate', 'A position cannot end before it starts.');
  if (illness !== null && !isCalendarDate(illness)) {
    return invalid('illnessLeaveSince', `"${illness}" is not a date YYYY-MM-DD.`);
  }
  return null;
}
