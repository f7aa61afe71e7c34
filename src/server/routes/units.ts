// Đơn vị — the organisation tree: list, create, edit, import from CSV/XLSX.

import { z } from 'zod';
import { parseUnitRows } from '../../core/import/index.js';
import { UNIT_KINDS, type Unit } from '../../core/model/index.js';
import { err, ok } from '../../rules/index.js';
import { requireRole } from '../auth/policy.js';
import type { Principal } from '../auth/principal.js';
import { actorOf, type AppDeps } from '../deps.js';
import { fail } from '../errors.js';
import { defineRoute, type Route } from '../http/route.js';
import { readTableFile } from '../http/table-file.js';
import { ID, isPrintable, text } from './schemas.js';

/** A unit as the API shows it. */
export const UNIT = z
  .object({
    id: ID,
    code: z.string(),
    name: z.string(),
    parentId: ID.nullable(),
    kind: z.enum(UNIT_KINDS as [Unit['kind'], ...Unit['kind'][]]),
    sample: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Unit' });

/** A unit as the API shows it. */
export type UnitDto = z.infer<typeof UNIT>;

const CODE = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.string().min(1).max(64).refine(isPrintable, 'must not contain control characters'));

/** The import summary of any import route. */
export const IMPORT_SUMMARY = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  rows: z.number().int(),
});

/** Ids of the units the principal's unit grants reach (each grant's unit and all below); null = all (admin). */
export async function reachableUnitIds(
  deps: AppDeps,
  principal: Principal | null,
): Promise<Set<string> | null> {
  if (principal === null) return new Set();
  if (principal.grants.some((g) => g.role === 'administrator')) return null;
  const ids = new Set<string>();
  for (const grant of principal.grants) {
    if (
      grant.role === 'organiser' ||
      grant.role === 'inspector' ||
      grant.role === 'competent-authority'
    ) {
      for (const id of await deps.store.units.descendantIds(grant.unitId)) ids.add(id);
    }
  }
  return ids;
}

/** Whether the principal may act as organiser on this unit (an organiser grant at it or above it). */
export async function organiserReaches(
  deps: AppDeps,
  principal: Principal | null,
  unitId: string,
): Promise<boolean> {
  if (principal === null) return false;
  if (principal.grants.some((g) => g.role === 'administrator')) return true;
  const chain = (await deps.store.units.ancestors(unitId)).map((u) => u.id);
  return principal.grants.some((g) => g.role === 'organiser' && chain.includes(g.unitId));
}

/** The unit routes. */
export function unitRoutes(deps: AppDeps): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/units',
      tag: 'units',
      summary: 'Units the caller can see (Cây đơn vị), flat with parentId, by code',
      response: z.array(UNIT),
      authorize: requireRole(['organiser', 'inspector', 'competent-authority']),
      handler: async ({ principal }) => {
        const reach = await reachableUnitIds(deps, principal);
        const units = await deps.store.units.list();
        return ok(reach === null ? units : units.filter((u) => reach.has(u.id)));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/units',
      tag: 'units',
      summary: 'Create a unit under a parent (a root unit: administrator only)',
      body: {
        kind: 'json',
        schema: z.object({
          code: CODE,
          name: text(300),
          parentId: ID.nullable().optional(),
          kind: z.enum(UNIT_KINDS as [Unit['kind'], ...Unit['kind'][]]).optional(),
        }),
      },
      status: 201,
      response: UNIT,
      authorize: requireRole(['organiser'], { unit: 'body:parentId' }),
      handler: async ({ body, principal }) =>
        deps.store.units.create(actorOf(principal), {
          code: body.code,
          name: body.name,
          parentId: body.parentId ?? null,
          ...(body.kind === undefined ? {} : { kind: body.kind }),
        }),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/units/{unitId}',
      tag: 'units',
      summary: 'Rename, recode or move a unit',
      params: z.object({ unitId: ID }),
      body: {
        kind: 'json',
        schema: z.object({
          code: CODE.optional(),
          name: text(300).optional(),
          parentId: ID.nullable().optional(),
          kind: z.enum(UNIT_KINDS as [Unit['kind'], ...Unit['kind'][]]).optional(),
        }),
      },
      response: UNIT,
      authorize: requireRole(['organiser'], { unit: 'param:unitId' }),
      handler: async ({ params, body, principal }) => {
        if (body.parentId !== undefined) {
          // Moving a unit needs the organiser's reach at the new parent too (a root: administrator only).
          const allowed =
            body.parentId === null
              ? principal?.grants.some((g) => g.role === 'administrator') === true
              : await organiserReaches(deps, principal, body.parentId);
          if (!allowed)
            return err(fail('forbidden', 'You cannot move a unit outside your units.', 'parentId'));
        }
        return deps.store.units.update(actorOf(principal), params.unitId, body);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/units/{unitId}/import',
      tag: 'units',
      summary:
        'Import units below this unit from CSV or XLSX (columns: mã, tên, mã đơn vị cấp trên, loại)',
      description:
        'Header row, then one unit per row. A row whose parent code is empty goes directly below {unitId}. ' +
        'All or nothing: invalid_import names every bad row and column (error.problems).',
      params: z.object({ unitId: ID }),
      body: { kind: 'file', accept: ['csv', 'xlsx'] },
      response: IMPORT_SUMMARY,
      authorize: requireRole(['organiser'], { unit: 'param:unitId' }),
      handler: async ({ params, body, principal }) => {
        const table = await readTableFile(body);
        if (!table.ok) return table;
        const root = await deps.store.units.get(params.unitId);
        if (root === null) return err(fail('not_found', 'No such unit.'));
        // Parents must be this unit, a unit below it, or a row of the file (core/import/unit-rows.ts);
        // a row without a parent goes directly below this unit, never to the top of the tree.
        const below = await Promise.all(
          (await deps.store.units.descendantIds(root.id)).map((id) => deps.store.units.get(id)),
        );
        const known = new Set(below.filter((u): u is Unit => u !== null).map((u) => u.code));
        const parsed = parseUnitRows(table.value, known);
        if (!parsed.ok) return parsed;
        const rows = parsed.value.map((r) => ({ ...r, parentCode: r.parentCode ?? root.code }));
        const clash = rows.findIndex((r) => r.code === root.code);
        if (clash >= 0) {
          return err(
            fail(
              'invalid_import',
              `Row ${clash + 2}: a unit cannot be imported below itself.`,
              `rows[${clash}].code`,
            ),
          );
        }
        const result = await deps.store.units.importRows(actorOf(principal), rows);
        return result.ok ? ok({ ...result.value, rows: rows.length }) : result;
      },
    }),
  ];
}
