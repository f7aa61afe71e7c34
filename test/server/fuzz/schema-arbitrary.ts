// Values from the OpenAPI document's JSON Schemas: schema-valid ones, and near-valid ones (one field
// dropped, retyped, oversized or hostile), so every route, including routes added later, is fuzzed.

import fc from 'fast-check';
import { anyJson, hostileNumber, hostileString, vietnamese } from './hostile-values.js';

/** The subset of JSON Schema (OpenAPI 3.0) the API's documents use. */
export interface JsonSchema {
  readonly type?: string;
  readonly $ref?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly enum?: readonly unknown[];
  readonly nullable?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number | boolean;
  readonly exclusiveMaximum?: number | boolean;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly allOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
}

/** What the generators need besides a schema: the document (for $ref) and ids that exist. */
export interface SchemaContext {
  readonly schemas: Readonly<Record<string, JsonSchema>>;
  /** Ids of the fixture: an id-shaped string is one of these half of the time, so requests go deep. */
  readonly knownIds: readonly string[];
}

const ID_PATTERN = '^[A-Za-z0-9_-]+$';
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

function resolve(schema: JsonSchema, ctx: SchemaContext): JsonSchema {
  let s = schema;
  for (let i = 0; s.$ref !== undefined && i < 20; i++) {
    const name = s.$ref.replace('#/components/schemas/', '');
    const target = ctx.schemas[name];
    if (target === undefined) throw new Error(`unresolved $ref ${s.$ref}`);
    s = { ...target, ...(s.nullable ? { nullable: true } : {}) };
  }
  if (s.allOf !== undefined) {
    // zod-openapi writes `allOf: [$ref]` plus siblings (nullable, description): merge them.
    const parts = s.allOf.map((p) => resolve(p, ctx));
    const rest: JsonSchema = { ...s, allOf: undefined };
    return Object.assign({}, ...parts, rest) as JsonSchema;
  }
  return s;
}

const date = fc
  .tuple(
    fc.integer({ min: 2000, max: 2100 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

function stringArb(s: JsonSchema, ctx: SchemaContext): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.max(min, Math.min(s.maxLength ?? 80, 80));
  if (s.pattern === ID_PATTERN) {
    const random = fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/);
    return ctx.knownIds.length === 0 ? random : fc.oneof(fc.constantFrom(...ctx.knownIds), random);
  }
  if (s.pattern === DATE_PATTERN || s.format === 'date') return date;
  if (s.format === 'date-time') return date.map((d) => `${d}T02:00:00.000Z`);
  if (s.pattern !== undefined) {
    const re = new RegExp(s.pattern);
    return fc.stringMatching(re).filter((v) => v.length >= min && v.length <= (s.maxLength ?? 1e9));
  }
  const text = fc.oneof(
    { weight: 3, arbitrary: vietnamese },
    { weight: 2, arbitrary: fc.string({ minLength: min, maxLength: max }) },
    {
      weight: 1,
      arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, 20) }),
    },
  );
  // Exactly at the limit (in UTF-16 units) now and then: off-by-one checks live there.
  const edge =
    s.maxLength === undefined
      ? null
      : fc.constantFrom('a', 'ệ'.normalize('NFC')).map((ch) => ch.repeat(s.maxLength ?? 1));
  const sized = text.filter((v) => v.length >= min && v.length <= (s.maxLength ?? 1e9));
  return edge === null
    ? sized
    : fc.oneof({ weight: 5, arbitrary: sized }, { weight: 1, arbitrary: edge });
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo = s.minimum ?? (integer ? -1_000_000 : -1e9);
  const hi = s.maximum ?? (integer ? 1_000_000 : 1e9);
  // Without a declared maximum, values past 32-bit and 53-bit limits are schema-valid: databases disagree there.
  const beyond = s.maximum === undefined ? [2 ** 31 - 1, 2 ** 31, 2 ** 53 - 1] : [];
  if (integer)
    return fc.oneof(fc.integer({ min: lo, max: hi }), fc.constantFrom(lo, hi, ...beyond));
  return fc.double({ min: lo, max: hi, noNaN: true });
}

/** Schema-valid values (up to the constraints JSON Schema can say; zod may still refuse some). */
export function validArb(schema: JsonSchema, ctx: SchemaContext, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, ctx);
  const base = ((): fc.Arbitrary<unknown> => {
    if (s.enum !== undefined) return fc.constantFrom(...s.enum);
    if (s.oneOf !== undefined || s.anyOf !== undefined) {
      const options = (s.oneOf ?? s.anyOf ?? []).map((o) => validArb(o, ctx, depth + 1));
      return fc.oneof(...options);
    }
    switch (s.type) {
      case 'string':
        return stringArb(s, ctx);
      case 'integer':
        return numberArb(s, true);
      case 'number':
        return numberArb(s, false);
      case 'boolean':
        return fc.boolean();
      case 'array': {
        const items = s.items === undefined ? anyJson : validArb(s.items, ctx, depth + 1);
        const minLength = s.minItems ?? 0;
        return fc.array(items, {
          minLength,
          maxLength: Math.max(minLength, Math.min(s.maxItems ?? 4, 4)),
        });
      }
      case 'object':
      case undefined: {
        if (s.properties === undefined)
          return depth > 3 ? fc.constant({}) : fc.dictionary(fc.string(), anyJson, { maxKeys: 2 });
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [key, value] of Object.entries(s.properties))
          model[key] = validArb(value, ctx, depth + 1);
        return fc.record(model, {
          requiredKeys: [...(s.required ?? [])].filter((k) => k in model),
        });
      }
      default:
        return anyJson;
    }
  })();
  return s.nullable ? fc.option(base, { nil: null, freq: 5 }) : base;
}

/** Replaces the value at a random path of `value` (an object or array) with `replacement`, or drops it. */
function mutateAt(value: unknown, pick: number, replacement: unknown, drop: boolean): unknown {
  if (typeof value !== 'object' || value === null) return replacement;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value)
    ? [...(value as unknown[])]
    : { ...value };
  const keys = Object.keys(copy);
  if (keys.length === 0)
    return drop ? copy : Array.isArray(copy) ? [replacement] : { extra: replacement };
  const key = keys[pick % keys.length]!;
  const inner = (copy as Record<string, unknown>)[key];
  // Half of the time go one level deeper when there is a deeper level.
  if (typeof inner === 'object' && inner !== null && pick % 2 === 1) {
    (copy as Record<string, unknown>)[key] = mutateAt(
      inner,
      Math.floor(pick / 2),
      replacement,
      drop,
    );
  } else if (drop) {
    if (Array.isArray(copy)) copy.splice(Number(key), 1);
    else delete copy[key];
  } else {
    (copy as Record<string, unknown>)[key] = replacement;
  }
  return copy;
}

/** Near-valid values: a valid value with one field dropped, retyped, made hostile or an extra key added. */
export function nearValidArb(schema: JsonSchema, ctx: SchemaContext): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      validArb(schema, ctx),
      fc.nat(),
      fc.oneof(anyJson, hostileString, hostileNumber, vietnamese),
      fc.constantFrom('replace', 'drop', 'extra', 'proto'),
    )
    .map(([value, pick, replacement, how]) => {
      if (how === 'extra' && typeof value === 'object' && value !== null && !Array.isArray(value))
        return { ...value, [`x${pick % 7}`]: replacement };
      if (how === 'proto' && typeof value === 'object' && value !== null && !Array.isArray(value))
        return JSON.parse(
          `{"__proto__":{"isAdmin":true},${JSON.stringify(value).slice(1)}`.replace(',}', '}'),
        ) as unknown;
      return mutateAt(value, pick, replacement, how === 'drop');
    });
}
