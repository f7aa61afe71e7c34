// Cán bộ và chức vụ — persons and the positions they hold per unit with their start dates; import from CSV/XLSX.

import { z } from 'zod';
import { parsePersonRows } from '../../core/import/index.js';
import type { Unit } from '../../core/model/index.js';
import { err, ok, type PlaceKind } from '../../rules/index.js';
import { requireRole } from '../auth/policy.js';
import { actorOf, type AppDeps } from '../deps.js';
import { fail } from '../errors.js';
import { defineRoute, type Route } from '../http/route.js';
import { readTableFile } from '../http/table-file.js';
import { DATE, ID, optionalText, text } from './schemas.js';
import { IMPORT_SUMMARY, organiserReaches, reachableUnitIds } from './units.js';

const PLACE_KIND = z.enum([
  'highest-party-committee',
  'peoples-council',
  'workplace',
] as const satisfies readonly PlaceKind[]);
const GENDER = z.enum(['male', 'female']).nullable();

/** A person as the API shows it. */
export const PERSON = z
  .object({
    id: ID,
    code: z.string().nullable(),
    fullName: z.string(),
    gender: GENDER,
    birthYear: z.number().int().nullable(),
    sample: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Person' });

/** A position held (chức danh, chức vụ) as the API shows it. */
export const POSITION = z
  .object({
    id: ID,
    personId: ID,
    unitId: ID,
    title: z.string(),
    startDate: DATE,
    endDate: DATE.nullable(),
    placeKind: PLACE_KIND,
    retirementNotified: z.boolean(),
    illnessLeaveSince: DATE.nullable(),
    rank: z.number().int(),
    sample: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PositionHolding' });

/** A person as the API shows it. */
export type PersonDto = z.infer<typeof PERSON>;
/** A position held as the API shows it. */
export type PositionDto = z.infer<typeof POSITION>;

const POSITION_FIELDS = {
  unitId: ID,
  title: text(300),
  startDate: DATE,
  endDate: DATE.nullable().optional(),
  placeKind: PLACE_KIND.optional(),
  retirementNotified: z.boolean().optional(),
  illnessLeaveSince: DATE.nullable().optional(),
  rank: z.number().int().min(0).max(10_000).optional(),
};

const PERSON_FIELDS = {
  code: optionalText(64),
  fullName: text(200),
  gender: GENDER.optional(),
  birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
};

/** The person routes. */
export function personRoutes(deps: AppDeps): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/persons',
      tag: 'persons',
      summary:
        'Persons holding positions in units the caller reaches (optionally one unit, a name search)',
      query: z.object({ unitId: ID.optional(), search: z.string().max(100).optional() }),
      response: z.array(PERSON),
      authorize: requireRole(['organiser', 'inspector', 'competent-authority']),
      handler: async ({ query, principal }) => {
        const reach = await reachableUnitIds(deps, principal);
        let unitIds = reach === null ? undefined : [...reach];
        if (query.unitId !== undefined) {
          if (reach !== null && !reach.has(query.unitId))
            return err(fail('forbidden', 'Not one of your units.', 'unitId'));
          unitIds = await deps.store.units.descendantIds(query.unitId);
        }
        return ok(
          await deps.store.persons.list({
            ...(unitIds === undefined ? {} : { unitIds }),
            ...(query.search === undefined ? {} : { search: query.search.normalize('NFC') }),
          }),
        );
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/persons',
      tag: 'persons',
      summary: 'Create a person with a first position in a unit the organiser reaches',
      body: { kind: 'json', schema: z.object({ ...PERSON_FIELDS, ...POSITION_FIELDS }) },
      status: 201,
      response: z.object({ person: PERSON, positions: z.array(POSITION) }),
      authorize: requireRole(['organiser'], { unit: 'body:unitId' }),
      handler: async ({ body, principal }) => {
        const actor = actorOf(principal);
        const { code, fullName, gender, birthYear, ...position } = body;
        return deps.store.transaction(async (tx) => {
          const person = await tx.persons.create(actor, {
            code,
            fullName,
            gender: gender ?? null,
            birthYear: birthYear ?? null,
          });
          if (!person.ok) return person;
          const held = await tx.positions.create(actor, { ...position, personId: person.value.id });
          if (!held.ok) return held;
          return ok({ person: person.value, positions: [held.value] });
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/persons/{personId}',
      tag: 'persons',
      summary: 'A person and the positions they hold',
      params: z.object({ personId: ID }),
      response: z.object({ person: PERSON, positions: z.array(POSITION) }),
      authorize: requireRole(['organiser', 'inspector', 'competent-authority', 'subject'], {
        person: 'param:personId',
      }),
      handler: async ({ params }) => {
        const person = await deps.store.persons.get(params.personId);
        if (person === null) return err(fail('not_found', 'No such person.'));
        return ok({ person, positions: await deps.store.positions.listByPerson(person.id) });
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/api/persons/{personId}',
      tag: 'persons',
      summary: 'Edit a person (name, code, gender, birth year)',
      params: z.object({ personId: ID }),
      body: { kind: 'json', schema: z.object(PERSON_FIELDS).partial() },
      response: PERSON,
      authorize: requireRole(['organiser'], { person: 'param:personId' }),
      handler: async ({ params, body, principal }) =>
        deps.store.persons.update(actorOf(principal), params.personId, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/persons/{personId}/positions',
      tag: 'persons',
      summary: 'Add a position the person holds (in a unit the organiser reaches)',
      params: z.object({ personId: ID }),
      body: { kind: 'json', schema: z.object(POSITION_FIELDS) },
      status: 201,
      response: POSITION,
      authorize: requireRole(['organiser'], { person: 'param:personId' }),
      handler: async ({ params, body, principal }) => {
        if (!(await organiserReaches(deps, principal, body.unitId))) {
          return err(fail('forbidden', 'Not one of your units.', 'unitId'));
        }
        return deps.store.positions.create(actorOf(principal), {
          ...body,
          personId: params.personId,
        });
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/api/persons/{personId}/positions/{positionId}',
      tag: 'persons',
      summary: 'Edit a position (title, dates, retirement notified, illness leave, rank)',
      params: z.object({ personId: ID, positionId: ID }),
      body: { kind: 'json', schema: z.object(POSITION_FIELDS).partial() },
      response: POSITION,
      authorize: requireRole(['organiser'], { person: 'param:personId' }),
      handler: async ({ params, body, principal }) => {
        const held = await deps.store.positions.get(params.positionId);
        if (held === null || held.personId !== params.personId)
          return err(fail('not_found', 'No such position.'));
        for (const unitId of new Set([held.unitId, body.unitId ?? held.unitId])) {
          if (!(await organiserReaches(deps, principal, unitId)))
            return err(fail('forbidden', 'Not one of your units.', 'unitId'));
        }
        return deps.store.positions.update(actorOf(principal), held.id, body);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/persons/{personId}/positions/{positionId}',
      tag: 'persons',
      summary:
        'Remove a position entered by mistake (a position that ended keeps its end date instead)',
      params: z.object({ personId: ID, positionId: ID }),
      response: POSITION,
      authorize: requireRole(['organiser'], { person: 'param:personId' }),
      handler: async ({ params, principal }) => {
        const held = await deps.store.positions.get(params.positionId);
        if (held === null || held.personId !== params.personId)
          return err(fail('not_found', 'No such position.'));
        if (!(await organiserReaches(deps, principal, held.unitId)))
          return err(fail('forbidden', 'Not one of your units.'));
        return deps.store.positions.delete(actorOf(principal), held.id);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/units/{unitId}/persons/import',
      tag: 'persons',
      summary:
        'Import persons and positions from CSV or XLSX (Họ và tên, Chức vụ, Ngày nhận chức, Mã đơn vị …)',
      description:
        'Header row, then one position per row; every unit code must be {unitId} or below. ' +
        'All or nothing: invalid_import names every bad row and column (error.problems).',
      params: z.object({ unitId: ID }),
      body: { kind: 'file', accept: ['csv', 'xlsx'] },
      response: IMPORT_SUMMARY,
      authorize: requireRole(['organiser'], { unit: 'param:unitId' }),
      handler: async ({ params, body, principal }) => {
        const table = await readTableFile(body);
        if (!table.ok) return table;
        // Unit codes must be this unit or below it (core/import/person-rows.ts checks each row).
        const below = await Promise.all(
          (await deps.store.units.descendantIds(params.unitId)).map((id) =>
            deps.store.units.get(id),
          ),
        );
        const codes = new Set(below.filter((u): u is Unit => u !== null).map((u) => u.code));
        const rows = parsePersonRows(table.value, codes);
        if (!rows.ok) return rows;
        const result = await deps.store.persons.importRows(actorOf(principal), rows.value);
        return result.ok ? ok({ ...result.value, rows: rows.value.length }) : result;
      },
    }),
  ];
}
