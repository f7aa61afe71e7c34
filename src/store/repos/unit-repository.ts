// Đơn vị: the organisation tree, its queries (subtree, ancestors) and its import by code.

import { sql, type Selectable } from 'kysely';
import { ok } from '../../rules/index.js';
import type { Actor, Id, Unit, UnitTreeNode } from '../../core/model/index.js';
import type { AuditEventInput, StoreContext } from '../db/store-context.js';
import type { UnitsTable } from '../db/schema.js';
import type {
  ImportSummary,
  NewUnit,
  StoreResult,
  UnitImportRow,
  UnitPatch,
  UnitRepository,
} from '../store.js';
import { conflict, invalid, notFound } from './failures.js';
import { flag, toUnit } from './mappers.js';

const nfc = (s: string): string => s.normalize('NFC').trim();

/** Deeper than any organisation tree (centre, province, district, commune, cell): a bound on cycles. */
const MAX_UNIT_DEPTH = 64;

/** UnitRepository over Kysely. */
export class KyselyUnitRepository implements UnitRepository {
  constructor(private readonly ctx: StoreContext) {}

  create(actor: Actor, input: NewUnit): Promise<StoreResult<Unit>> {
    return this.ctx.write(async (w) => {
      const code = nfc(input.code);
      if (code === '') return invalid('code', 'A unit needs a code.');
      if (nfc(input.name) === '') return invalid('name', 'A unit needs a name.');
      if (await this.getByCode(code, w.db)) return conflict('code', code);
      if (input.parentId !== null && !(await this.get(input.parentId, w.db))) {
        return notFound('unit', input.parentId);
      }
      const row: UnitsTable = {
        id: input.id ?? w.newId(),
        code,
        name: nfc(input.name),
        parent_id: input.parentId,
        kind: input.kind ?? 'other',
        sample: flag(input.sample),
        created_at: w.now,
        updated_at: w.now,
      };
      await w.db.insertInto('units').values(row).execute();
      const unit = toUnit(row);
      await w.audit(actor, 'unit.create', 'unit', unit.id, null, unit);
      return ok(unit);
    });
  }

  update(actor: Actor, id: Id, patch: UnitPatch): Promise<StoreResult<Unit>> {
    return this.ctx.write(async (w) => {
      const before = await this.get(id, w.db);
      if (!before) return notFound('unit', id);
      const code = patch.code === undefined ? before.code : nfc(patch.code);
      if (code !== before.code && (await this.getByCode(code, w.db))) return conflict('code', code);
      const parentId = patch.parentId === undefined ? before.parentId : patch.parentId;
      if (parentId !== null && parentId !== before.parentId) {
        if (!(await this.get(parentId, w.db))) return notFound('unit', parentId);
        const below = await this.descendantIds(id, w.db);
        if (below.includes(parentId)) {
          return invalid('parentId', 'A unit cannot be placed under itself or a unit below it.');
        }
      }
      await w.db
        .updateTable('units')
        .set({
          code,
          name: patch.name === undefined ? before.name : nfc(patch.name),
          parent_id: parentId,
          kind: patch.kind ?? before.kind,
          updated_at: w.now,
        })
        .where('id', '=', id)
        .execute();
      const after = (await this.get(id, w.db))!;
      await w.audit(actor, 'unit.update', 'unit', id, before, after);
      return ok(after);
    });
  }

  async get(id: Id, db = this.ctx.db): Promise<Unit | null> {
    const row = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toUnit(row) : null;
  }

  async getByCode(code: string, db = this.ctx.db): Promise<Unit | null> {
    const row = await db
      .selectFrom('units')
      .selectAll()
      .where('code', '=', nfc(code))
      .executeTakeFirst();
    return row ? toUnit(row) : null;
  }

  async list(db = this.ctx.db): Promise<Unit[]> {
    const rows = await db.selectFrom('units').selectAll().orderBy('code').execute();
    return rows.map(toUnit);
  }

  async tree(rootId?: Id): Promise<UnitTreeNode[]> {
    const units = await this.list();
    const children = new Map<Id | null, Unit[]>();
    for (const unit of units) {
      const key = unit.parentId;
      const list = children.get(key);
      if (list) list.push(unit);
      else children.set(key, [unit]);
    }
    const build = (unit: Unit, seen: Set<Id>): UnitTreeNode => {
      seen.add(unit.id);
      return {
        unit,
        children: (children.get(unit.id) ?? [])
          .filter((c) => !seen.has(c.id))
          .map((c) => build(c, seen)),
      };
    };
    if (rootId !== undefined) {
      const root = units.find((u) => u.id === rootId);
      return root ? [build(root, new Set())] : [];
    }
    return (children.get(null) ?? []).map((u) => build(u, new Set()));
  }

  async descendantIds(id: Id, db = this.ctx.db): Promise<Id[]> {
    const rows = await db.selectFrom('units').select(['id', 'parent_id']).execute();
    const children = new Map<string, string[]>();
    for (const r of rows) {
      if (r.parent_id === null) continue;
      const list = children.get(r.parent_id);
      if (list) list.push(r.id);
      else children.set(r.parent_id, [r.id]);
    }
    if (!rows.some((r) => r.id === id)) return [];
    const found: Id[] = [];
    const queue = [id];
    const seen = new Set<Id>();
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (seen.has(next)) continue;
      seen.add(next);
      found.push(next);
      queue.push(...(children.get(next) ?? []));
    }
    return found;
  }

  /**
   * The unit, its parent, and so on up to the root: read along the chain only (every authorization asks
   * it, so reading the whole tree cost a province's thousands of units per request).
   */
  async ancestors(id: Id): Promise<Unit[]> {
    const { rows } = await sql<Selectable<UnitsTable>>`
      with recursive chain(id, depth) as (
        select id, 0 from units where id = ${id}
        union all
        select units.parent_id, chain.depth + 1 from units join chain on units.id = chain.id
        where units.parent_id is not null and chain.depth < ${MAX_UNIT_DEPTH}
      )
      select units.* from chain join units on units.id = chain.id order by chain.depth`.execute(
      this.ctx.db,
    );
    const chain: Unit[] = [];
    // a cycle (which the writes refuse) ends the chain instead of repeating it
    for (const row of rows) {
      if (chain.some((u) => u.id === row.id)) break;
      chain.push(toUnit(row));
    }
    return chain;
  }

  importRows(actor: Actor, rows: readonly UnitImportRow[]): Promise<StoreResult<ImportSummary>> {
    return this.ctx.write(async (w) => {
      const existing = new Map((await this.list(w.db)).map((u) => [u.code, u]));
      const inFile = new Map(rows.map((r, i) => [nfc(r.code), { row: r, index: i }]));
      for (const [i, row] of rows.entries()) {
        const parent = row.parentCode === null ? null : nfc(row.parentCode);
        if (parent !== null && !inFile.has(parent) && !existing.has(parent)) {
          return invalid(
            `rows[${i}].parentCode`,
            `Unit "${row.code}": parent code "${parent}" is neither in the file nor in the store.`,
          );
        }
      }
      // Parents first: depth of each row within the file, a cycle is refused.
      const depth = new Map<string, number>();
      const depthOf = (code: string, trail: Set<string>): number | null => {
        const known = depth.get(code);
        if (known !== undefined) return known;
        const entry = inFile.get(code);
        if (!entry) return 0;
        if (trail.has(code)) return null;
        trail.add(code);
        const parent = entry.row.parentCode === null ? null : nfc(entry.row.parentCode);
        const d = parent === null ? 0 : depthOf(parent, trail);
        if (d === null) return null;
        depth.set(code, d + 1);
        return d + 1;
      };
      for (const [code, { index }] of inFile) {
        if (depthOf(code, new Set()) === null) {
          return invalid(`rows[${index}].parentCode`, `Unit "${code}" is its own ancestor.`);
        }
      }
      const ordered = [...inFile.keys()].sort((a, b) => depth.get(a)! - depth.get(b)!);
      let created = 0;
      let updated = 0;
      const events: AuditEventInput[] = [];
      const ids = new Map([...existing].map(([code, u]) => [code, u.id]));
      const inserts: UnitsTable[] = [];
      const updates: (() => Promise<unknown>)[] = [];
      for (const code of ordered) {
        const { row } = inFile.get(code)!;
        const parentCode = row.parentCode === null ? null : nfc(row.parentCode);
        const parentId = parentCode === null ? null : (ids.get(parentCode) ?? null);
        const before = existing.get(code);
        if (before) {
          if (
            before.name === nfc(row.name) &&
            before.parentId === parentId &&
            before.kind === row.kind
          ) {
            continue;
          }
          updates.push(() =>
            w.db
              .updateTable('units')
              .set({ name: nfc(row.name), parent_id: parentId, kind: row.kind, updated_at: w.now })
              .where('id', '=', before.id)
              .execute(),
          );
          events.push({
            action: 'unit.import.update',
            entityType: 'unit',
            entityId: before.id,
            before,
            after: { ...before, name: nfc(row.name), parentId, kind: row.kind, updatedAt: w.now },
          });
          updated++;
        } else {
          const unitRow: UnitsTable = {
            id: w.newId(),
            code,
            name: nfc(row.name),
            parent_id: parentId,
            kind: row.kind,
            sample: 0,
            created_at: w.now,
            updated_at: w.now,
          };
          inserts.push(unitRow);
          ids.set(code, unitRow.id);
          events.push({
            action: 'unit.import.create',
            entityType: 'unit',
            entityId: unitRow.id,
            before: null,
            after: toUnit(unitRow),
          });
          created++;
        }
      }
      // Parents come first in `ordered`, so each batch refers only to rows already inserted or in it;
      // updates run last because they may point to a parent this import creates.
      for (let i = 0; i < inserts.length; i += 500) {
        await w.db
          .insertInto('units')
          .values(inserts.slice(i, i + 500))
          .execute();
      }
      for (const update of updates) await update();
      await w.auditMany(actor, events);
      return ok({ created, updated });
    });
  }
}
