// Cán bộ: persons, and the import of persons with their positions.

import { ok } from '../../rules/index.js';
import type { Actor, Id, Person } from '../../core/model/index.js';
import { defaultPlaceKind } from '../../core/conference/place-kind.js';
import type { PersonsTable, PositionHoldingsTable } from '../db/schema.js';
import type { AuditEventInput, StoreContext } from '../db/store-context.js';
import type {
  ImportSummary,
  NewPerson,
  PersonImportRow,
  PersonPatch,
  PersonRepository,
  StoreResult,
} from '../store.js';
import { conflict, invalid, notFound } from './failures.js';
import { flag, toHolding, toPerson, toUnit } from './mappers.js';

const nfc = (s: string): string => s.normalize('NFC').trim();

/** PersonRepository over Kysely. */
export class KyselyPersonRepository implements PersonRepository {
  constructor(private readonly ctx: StoreContext) {}

  create(actor: Actor, input: NewPerson): Promise<StoreResult<Person>> {
    return this.ctx.write(async (w) => {
      const fullName = nfc(input.fullName);
      if (fullName === '') return invalid('fullName', 'A person needs a full name.');
      const code = input.code ? nfc(input.code) : null;
      if (code !== null && (await this.getByCode(code, w.db))) return conflict('code', code);
      const row: PersonsTable = {
        id: input.id ?? w.newId(),
        code,
        full_name: fullName,
        gender: input.gender ?? null,
        birth_year: input.birthYear ?? null,
        sample: flag(input.sample),
        created_at: w.now,
        updated_at: w.now,
      };
      await w.db.insertInto('persons').values(row).execute();
      const person = toPerson(row);
      await w.audit(actor, 'person.create', 'person', person.id, null, person);
      return ok(person);
    });
  }

  update(actor: Actor, id: Id, patch: PersonPatch): Promise<StoreResult<Person>> {
    return this.ctx.write(async (w) => {
      const before = await this.get(id, w.db);
      if (!before) return notFound('person', id);
      const code = patch.code === undefined ? before.code : patch.code ? nfc(patch.code) : null;
      if (code !== null && code !== before.code && (await this.getByCode(code, w.db))) {
        return conflict('code', code);
      }
      const fullName = patch.fullName === undefined ? before.fullName : nfc(patch.fullName);
      if (fullName === '') return invalid('fullName', 'A person needs a full name.');
      await w.db
        .updateTable('persons')
        .set({
          code,
          full_name: fullName,
          gender: patch.gender === undefined ? before.gender : patch.gender,
          birth_year: patch.birthYear === undefined ? before.birthYear : patch.birthYear,
          updated_at: w.now,
        })
        .where('id', '=', id)
        .execute();
      const after = (await this.get(id, w.db))!;
      await w.audit(actor, 'person.update', 'person', id, before, after);
      return ok(after);
    });
  }

  async get(id: Id, db = this.ctx.db): Promise<Person | null> {
    const row = await db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toPerson(row) : null;
  }

  async getByCode(code: string, db = this.ctx.db): Promise<Person | null> {
    const row = await db
      .selectFrom('persons')
      .selectAll()
      .where('code', '=', nfc(code))
      .executeTakeFirst();
    return row ? toPerson(row) : null;
  }

  async list(filter?: {
    readonly unitIds?: readonly Id[];
    readonly search?: string;
  }): Promise<Person[]> {
    let query = this.ctx.db.selectFrom('persons').selectAll();
    if (filter?.unitIds) {
      if (filter.unitIds.length === 0) return [];
      query = query.where(
        'id',
        'in',
        this.ctx.db
          .selectFrom('position_holdings')
          .select('person_id')
          .where('unit_id', 'in', [...filter.unitIds]),
      );
    }
    const rows = (await query.orderBy('full_name').orderBy('id').execute()).map(toPerson);
    const search = filter?.search ? nfc(filter.search).toLocaleLowerCase('vi') : '';
    return search === ''
      ? rows
      : rows.filter((p) => p.fullName.toLocaleLowerCase('vi').includes(search));
  }

  importRows(actor: Actor, rows: readonly PersonImportRow[]): Promise<StoreResult<ImportSummary>> {
    return this.ctx.write(async (w) => {
      const units = new Map(
        (await w.db.selectFrom('units').selectAll().execute()).map((r) => [r.code, toUnit(r)]),
      );
      for (const [i, row] of rows.entries()) {
        if (!units.has(nfc(row.unitCode))) {
          return invalid(`rows[${i}].unitCode`, `Unknown unit code "${row.unitCode}".`);
        }
      }
      const persons = (await w.db.selectFrom('persons').selectAll().execute()).map(toPerson);
      const byCode = new Map(persons.filter((p) => p.code !== null).map((p) => [p.code!, p]));
      const byName = new Map<string, Person[]>();
      for (const p of persons) byName.set(p.fullName, [...(byName.get(p.fullName) ?? []), p]);
      const holdings = (await w.db.selectFrom('position_holdings').selectAll().execute()).map(
        toHolding,
      );
      const holdingKey = (personId: string, unitId: string, title: string): string =>
        `${personId}\u0000${unitId}\u0000${title}`;
      const holdingByKey = new Map(
        holdings.map((h) => [holdingKey(h.personId, h.unitId, h.title), h]),
      );
      let created = 0;
      let updated = 0;
      const newPersons: PersonsTable[] = [];
      const newHoldings: PositionHoldingsTable[] = [];
      const events: AuditEventInput[] = [];
      for (const row of rows) {
        const fullName = nfc(row.fullName);
        const code = row.personCode ? nfc(row.personCode) : null;
        let person = code !== null ? byCode.get(code) : undefined;
        if (!person && code === null) {
          const same = byName.get(fullName) ?? [];
          if (same.length === 1) person = same[0];
        }
        if (!person) {
          const personRow: PersonsTable = {
            id: w.newId(),
            code,
            full_name: fullName,
            gender: row.gender,
            birth_year: row.birthYear,
            sample: 0,
            created_at: w.now,
            updated_at: w.now,
          };
          newPersons.push(personRow);
          person = toPerson(personRow);
          if (code !== null) byCode.set(code, person);
          byName.set(fullName, [...(byName.get(fullName) ?? []), person]);
          events.push({
            action: 'person.import.create',
            entityType: 'person',
            entityId: person.id,
            before: null,
            after: person,
          });
          created++;
        }
        const unit = units.get(nfc(row.unitCode))!;
        const title = nfc(row.title);
        const key = holdingKey(person.id, unit.id, title);
        const existing = holdingByKey.get(key);
        const values = {
          start_date: row.startDate,
          place_kind: row.placeKind ?? defaultPlaceKind(unit.kind),
          retirement_notified: flag(row.retirementNotified),
          illness_leave_since: row.illnessLeaveSince,
          rank: row.rank,
        };
        if (existing) {
          const same =
            existing.startDate === values.start_date &&
            existing.placeKind === values.place_kind &&
            existing.retirementNotified === row.retirementNotified &&
            existing.illnessLeaveSince === values.illness_leave_since &&
            existing.rank === values.rank;
          if (same) continue;
          const after = {
            ...existing,
            startDate: values.start_date,
            placeKind: values.place_kind,
            retirementNotified: row.retirementNotified,
            illnessLeaveSince: values.illness_leave_since,
            rank: values.rank,
            updatedAt: w.now,
          };
          if (newHoldings.some((h) => h.id === existing.id)) {
            // Two rows of this file for one new holding: the later row wins before the insert.
            const pending = newHoldings.find((h) => h.id === existing.id)!;
            Object.assign(pending, values);
            const index = events.findIndex((e) => e.entityId === existing.id);
            events[index] = { ...events[index]!, after: toHolding(pending) };
          } else {
            await w.db
              .updateTable('position_holdings')
              .set({ ...values, updated_at: w.now })
              .where('id', '=', existing.id)
              .execute();
            events.push({
              action: 'position.import.update',
              entityType: 'position',
              entityId: existing.id,
              before: existing,
              after,
            });
            updated++;
          }
          holdingByKey.set(key, after);
        } else {
          const holdingRow: PositionHoldingsTable = {
            id: w.newId(),
            person_id: person.id,
            unit_id: unit.id,
            title,
            end_date: null,
            ...values,
            sample: 0,
            created_at: w.now,
            updated_at: w.now,
          };
          newHoldings.push(holdingRow);
          const holding = toHolding(holdingRow);
          holdingByKey.set(key, holding);
          events.push({
            action: 'position.import.create',
            entityType: 'position',
            entityId: holding.id,
            before: null,
            after: holding,
          });
          created++;
        }
      }
      // Batches keep each statement under SQLite's bound-parameter limit.
      for (let i = 0; i < newPersons.length; i += 500) {
        await w.db
          .insertInto('persons')
          .values(newPersons.slice(i, i + 500))
          .execute();
      }
      for (let i = 0; i < newHoldings.length; i += 500) {
        await w.db
          .insertInto('position_holdings')
          .values(newHoldings.slice(i, i + 500))
          .execute();
      }
      await w.auditMany(actor, events);
      return ok({ created, updated });
    });
  }
}
