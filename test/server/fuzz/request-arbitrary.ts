// A request for one API operation of the OpenAPI document: path parameters that exist or not, query
// parameters, headers, and a body that is schema-valid, near-valid, hostile, oversized, of the wrong
// content type or not UTF-8. Uploads get real and disguised files.

import fc from 'fast-check';
import { makeZip, minimalDocx, minimalPdf, minimalXlsx } from '../sample-files.js';
import { hostileString, invalidUtf8, rawJsonText, vietnamese } from './hostile-values.js';
import { nearValidArb, validArb, type JsonSchema, type SchemaContext } from './schema-arbitrary.js';

/** One operation of the OpenAPI document. */
export interface Operation {
  readonly method: string;
  readonly path: string;
  readonly parameters: readonly { name: string; in: string; schema: JsonSchema }[];
  /** The JSON body schema, the accepted file types, or nothing. */
  readonly body: { kind: 'json'; schema: JsonSchema } | { kind: 'file'; types: string[] } | null;
}

/** The request the fuzzer sends (headers other than cookie/CSRF/Origin, which the caller adds). */
export interface FuzzRequest {
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array | null;
  /** How the request was made, for the failure message. */
  readonly kind: string;
  /** Send the right CSRF token and Origin (false now and then: those must be refused). */
  readonly csrf: 'ok' | 'missing' | 'wrong' | 'cross-site';
}

/** Limits the app under fuzz runs with (small, so oversized bodies cost little). */
export interface Limits {
  readonly maxJsonBytes: number;
  readonly maxUploadBytes: number;
}

/** The operations of an OpenAPI document. */
export function operationsOf(doc: {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Operation['parameters'];
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
}): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const content = op.requestBody?.content;
      let body: Operation['body'] = null;
      if (content?.['application/json'] !== undefined)
        body = { kind: 'json', schema: content['application/json'].schema };
      else if (content !== undefined) body = { kind: 'file', types: Object.keys(content) };
      out.push({ method, path, parameters: op.parameters ?? [], body });
    }
  }
  return out;
}

const encoder = new TextEncoder();

/** A path segment: a known id, a random one, or something hostile (percent-encoded or raw). */
function segmentArb(ctx: SchemaContext): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...ctx.knownIds) },
    { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/) },
    {
      weight: 2,
      arbitrary: hostileString.map(
        (s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '?')) || 'x',
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '..',
        '.',
        '%2e%2e',
        '%2F',
        '%00',
        '%ZZ',
        '%',
        'a'.repeat(5000),
        '0',
        '-1',
        '1e999',
        'null',
        '%E1%BB',
        '%C0%AF',
      ),
    },
  );
}

function queryArb(op: Operation, ctx: SchemaContext): fc.Arbitrary<string> {
  const params = op.parameters.filter((p) => p.in === 'query');
  const one = (p: (typeof params)[number]) =>
    fc.option(
      fc.oneof(
        { weight: 3, arbitrary: validArb(p.schema, ctx) },
        { weight: 1, arbitrary: fc.oneof(hostileString, fc.constant('')) },
      ),
      { nil: undefined, freq: 3 },
    );
  return fc
    .tuple(fc.tuple(...params.map(one)), fc.option(hostileString, { nil: undefined, freq: 8 }))
    .map(([values, extra]) => {
      const q = new URLSearchParams();
      params.forEach((p, i) => {
        const v = values[i];
        if (v !== undefined && v !== null)
          q.append(
            p.name,
            (typeof v === 'string' ? v : JSON.stringify(v)).replace(/[\ud800-\udfff]/g, '?'),
          );
      });
      if (extra !== undefined) q.append(extra.replace(/[\ud800-\udfff]/g, '?') || 'x', 'y');
      const s = q.toString();
      return s === '' ? '' : `?${s}`;
    });
}

const CONTENT_TYPES_WRONG = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/xml',
  'application/jsonp',
  '',
];

function jsonBodyArb(schema: JsonSchema, ctx: SchemaContext, limits: Limits) {
  const json = (kind: string, value: fc.Arbitrary<unknown>) =>
    value.map((v) => ({
      kind,
      body: encoder.encode(JSON.stringify(v) ?? 'null'),
      type: 'application/json',
    }));
  return fc.oneof(
    { weight: 5, arbitrary: json('valid', validArb(schema, ctx)) },
    { weight: 5, arbitrary: json('near-valid', nearValidArb(schema, ctx)) },
    {
      weight: 1,
      arbitrary: rawJsonText.map((t) => ({
        kind: 'raw-json',
        body: encoder.encode(t),
        type: 'application/json',
      })),
    },
    {
      weight: 1,
      arbitrary: invalidUtf8.map((b) => ({
        kind: 'invalid-utf8',
        body: b,
        type: 'application/json',
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          validArb(schema, ctx),
          fc.constantFrom(
            ...CONTENT_TYPES_WRONG,
            'application/json; charset=latin1',
            'APPLICATION/JSON',
          ),
        )
        .map(([v, type]) => ({
          kind: `content-type ${type || 'none'}`,
          body: encoder.encode(JSON.stringify(v) ?? 'null'),
          type,
        })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(1, 4).map((times) => ({
        kind: 'oversized',
        body: encoder.encode(
          JSON.stringify({ text: 'ệ'.repeat(Math.ceil((limits.maxJsonBytes * times) / 3) + 10) }),
        ),
        type: 'application/json',
      })),
    },
    {
      weight: 1,
      arbitrary: fc.constant({ kind: 'no-body', body: null, type: 'application/json' }),
    },
  );
}

function csv(lines: string[]): Uint8Array {
  return encoder.encode(lines.join('\r\n'));
}

function fileBodyArb(types: string[], limits: Limits) {
  const files = fc.oneof(
    fc.constantFrom(
      { kind: 'pdf', body: minimalPdf() },
      { kind: 'docx', body: minimalDocx() },
      { kind: 'xlsx', body: minimalXlsx() },
      { kind: 'zip-not-office', body: makeZip([['word/other.xml', '<x/>']]) },
      { kind: 'truncated-zip', body: minimalDocx().subarray(0, 60) },
      { kind: 'pdf-header-only', body: encoder.encode('%PDF-') },
      { kind: 'html-as-file', body: encoder.encode('<!doctype html><script>alert(1)</script>') },
      { kind: 'exe', body: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]) },
      { kind: 'empty', body: new Uint8Array() },
      { kind: 'oversized', body: new Uint8Array(limits.maxUploadBytes + 1).fill(0x41) },
      { kind: 'csv-latin1', body: new Uint8Array([0x4e, 0x67, 0x75, 0x79, 0xea, 0x6e, 0x0a]) },
    ),
    fc
      .array(
        fc.array(fc.oneof(vietnamese, hostileString, fc.constant('')), {
          minLength: 1,
          maxLength: 6,
        }),
        { minLength: 1, maxLength: 8 },
      )
      .map((rows) => ({
        kind: 'csv',
        body: csv(rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))),
      })),
    fc.uint8Array({ minLength: 1, maxLength: 200 }).map((b) => ({ kind: 'random-bytes', body: b })),
    invalidUtf8.map((b) => ({ kind: 'csv-invalid-utf8', body: b })),
  );
  return fc
    .tuple(
      files,
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...types) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            'application/octet-stream',
            'image/png',
            'text/html',
            'application/json',
            '',
          ),
        },
      ),
      fc.option(hostileString, { nil: undefined }),
    )
    .map(([file, type, name]) => ({
      kind: `file ${file.kind} as ${type || 'none'}`,
      body: file.body,
      type,
      fileName:
        name === undefined ? undefined : encodeURIComponent(name.replace(/[\ud800-\udfff]/g, '?')),
    }));
}

/** Requests for one operation. */
export function requestArb(
  op: Operation,
  ctx: SchemaContext,
  limits: Limits,
): fc.Arbitrary<FuzzRequest> {
  const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const segments = fc.tuple(...names.map(() => segmentArb(ctx)));
  const body: fc.Arbitrary<{
    kind: string;
    body: Uint8Array | null;
    type: string;
    fileName?: string | undefined;
  }> =
    op.body === null
      ? fc.oneof(
          { weight: 6, arbitrary: fc.constant({ kind: 'no-body', body: null, type: '' }) },
          {
            weight: 1,
            arbitrary: rawJsonText.map((t) => ({
              kind: 'unexpected-body',
              body: encoder.encode(t),
              type: 'application/json',
            })),
          },
        )
      : op.body.kind === 'json'
        ? jsonBodyArb(op.body.schema, ctx, limits)
        : fileBodyArb(op.body.types, limits);
  const csrf = fc.oneof(
    { weight: 30, arbitrary: fc.constant('ok' as const) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('missing' as const, 'wrong' as const, 'cross-site' as const),
    },
  );
  return fc.tuple(segments, queryArb(op, ctx), body, csrf).map(([values, query, b, c]) => {
    let i = 0;
    const path = op.path.replace(/\{(\w+)\}/g, () => values[i++]!) + query;
    const headers: Record<string, string> = {};
    if (b.type !== '') headers['content-type'] = b.type;
    if (b.fileName !== undefined) headers['x-file-name'] = b.fileName;
    return { path, headers, body: b.body, kind: b.kind, csrf: c };
  });
}
