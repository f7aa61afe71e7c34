// Route definitions: zod schemas for request and response, the authorization policy, and a Result-returning handler.

import type { RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import type { Failure, Result } from '../../rules/index.js';
import {
  grantReaches,
  grantsForPolicy,
  type IdSource,
  type Location,
  type Policy,
  type ScopeResolver,
} from '../auth/policy.js';
import type { Principal } from '../auth/principal.js';
import { ERROR_BODY_SCHEMA, errorResponse, fail } from '../errors.js';
import type { AppEnv } from './env.js';
import { detectFileKind, FILE_MIME, type FileKind } from './file-type.js';

/** HTTP methods the API uses. */
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** An uploaded file, recognised by content. */
export interface UploadedFile {
  readonly kind: FileKind;
  readonly bytes: Uint8Array;
  /** The file name the client gave (X-File-Name, URI-encoded), NFC, without any path; for display only. */
  readonly fileName: string;
}

/** A file the handler returns for download. */
export interface FileReply {
  readonly bytes: Uint8Array;
  readonly contentType: string;
  readonly fileName: string;
}

/** What a handler receives: validated input, the caller, and the location its policy resolved. */
export interface HandlerInput<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  /** null only on public routes. */
  readonly principal: Principal | null;
  /** The resource's location when the policy has a scope. */
  readonly location: Location | null;
  /** The caller's address (for rate limits; never stored with a ballot). */
  readonly clientIp: string;
  /** Lets a handler set a cookie or a header (login, logout). */
  readonly c: Context<AppEnv>;
}

type Schema = z.ZodType;

/** What a handler may return for a schema's input: the same shape with readonly arrays (domain types are readonly). */
export type Reply<T> = T extends readonly (infer U)[]
  ? readonly Reply<U>[]
  : T extends object
    ? { readonly [K in keyof T]: Reply<T[K]> }
    : T;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** The request body: JSON validated by a schema, or a file checked by content and size. */
export type BodySpec<B extends Schema> =
  | { readonly kind: 'json'; readonly schema: B }
  | { readonly kind: 'file'; readonly accept: readonly FileKind[] };

/** A route as written in routes/*.ts. */
export interface RouteSpec<
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema,
  R extends Schema,
> {
  readonly method: Method;
  /** OpenAPI path with {braces}, under /api. */
  readonly path: `/api/${string}` | '/api';
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: BodySpec<B>;
  /** Success status (default 200; 201 for creations). */
  readonly status?: 200 | 201;
  /**
   * The JSON response schema, 'file' for a download, or 'event-stream' for a Server-Sent Events stream
   * (the handler returns the streaming Response itself; routes/live.ts).
   */
  readonly response: R | 'file' | 'event-stream';
  /** Who may call it (auth/policy.ts); declared here so the matrix test reads it. */
  readonly authorize: Policy;
  /** The largest body in bytes, when it differs from the JSON default (uploads). */
  readonly maxBodyBytes?: number;
  readonly handler: (
    input: HandlerInput<Out<P>, Out<Q>, B extends z.ZodNever ? UploadedFile : z.output<B>>,
  ) => Promise<Result<R extends z.ZodType ? Reply<z.input<R>> : FileReply, Failure>>;
}

/** A route with its types erased: what the app registers and the matrix test walks. */
export interface Route {
  readonly method: Method;
  readonly path: string;
  /** Hono's path syntax (/api/units/:unitId). */
  readonly honoPath: string;
  readonly policy: Policy;
  readonly hasBody: boolean;
  readonly isUpload: boolean;
  readonly maxBodyBytes: number | undefined;
  readonly openapi: RouteConfig;
  readonly handle: (c: Context<AppEnv>, resolver: ScopeResolver) => Promise<Response>;
}

const FILE_CONTENT_TYPES: Readonly<Record<FileKind, readonly string[]>> = {
  pdf: ['application/pdf'],
  docx: [FILE_MIME.docx],
  xlsx: [FILE_MIME.xlsx],
  csv: ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel'],
};

/** The first issue of a zod error as `validation_failed` with a dotted field path. */
export function zodFailure(error: z.ZodError, where: string): Failure {
  const issue = error.issues[0];
  const field =
    issue === undefined || issue.path.length === 0 ? where : issue.path.map(String).join('.');
  return fail('validation_failed', `${field}: ${issue?.message ?? 'invalid'}.`, field);
}

function sourceValue(
  source: IdSource,
  params: unknown,
  query: unknown,
  body: unknown,
): string | undefined {
  const [where, name] = source.split(':') as ['param' | 'query' | 'body', string];
  const bag = where === 'param' ? params : where === 'query' ? query : body;
  if (typeof bag !== 'object' || bag === null) return undefined;
  const value = (bag as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

function safeFileName(header: string | undefined): string {
  if (header === undefined) return 'file';
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    name = header;
  }
  const base = name.split(/[\\/]/).pop() ?? '';
  // Control characters and quotes are dropped: the name is shown and sent back in Content-Disposition.
  const clean = base
    .normalize('NFC')
    .split('')
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '\u007f' && ch !== '"')
    .join('')
    .slice(0, 200)
    .trim();
  return clean === '' ? 'file' : clean;
}

/** A Content-Disposition value that carries a Vietnamese file name safely (RFC 6266, RFC 5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  const fallback = ascii.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
  // RFC 5987 attr-char excludes ' ( ) * too, which encodeURIComponent leaves as they are.
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Reads the JSON body without validating it (scope ids may live in it); invalid JSON fails. */
async function readJson(c: Context<AppEnv>): Promise<Result<unknown, Failure>> {
  const contentType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (contentType !== 'application/json') {
    return {
      ok: false,
      error: fail('unsupported_media_type', 'Content-Type must be application/json.'),
    };
  }
  let text: string;
  try {
    // Invalid UTF-8 is refused, not silently replaced by U+FFFD.
    text = new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer());
  } catch {
    return { ok: false, error: fail('invalid_json', 'The request body is not valid UTF-8.') };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, error: fail('invalid_json', 'The request body is not valid JSON.') };
  }
}

async function readFile(
  c: Context<AppEnv>,
  accept: readonly FileKind[],
): Promise<Result<UploadedFile, Failure>> {
  const contentType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const accepted = accept.flatMap((k) => FILE_CONTENT_TYPES[k]);
  if (!accepted.includes(contentType) && contentType !== 'application/octet-stream') {
    return {
      ok: false,
      error: fail('unsupported_media_type', `Content-Type must be one of ${accept.join(', ')}.`),
    };
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length === 0)
    return { ok: false, error: fail('invalid_upload', 'The file is empty.', 'file') };
  const kind = detectFileKind(bytes);
  if (kind === null || !accept.includes(kind)) {
    return {
      ok: false,
      error: fail(
        'unsupported_media_type',
        `The file's content is not ${accept.join(' or ')} (checked by content, not by name).`,
        'file',
      ),
    };
  }
  return { ok: true, value: { kind, bytes, fileName: safeFileName(c.req.header('x-file-name')) } };
}

/** Resolves the policy for the caller: 401 without a session, 403 without a reaching grant, 404 if absent. */
export async function authorize(
  policy: Policy,
  principal: Principal | null,
  ids: { params: unknown; query: unknown; body: unknown },
  resolver: ScopeResolver,
): Promise<Result<Location | null, Failure>> {
  if (policy.roles === 'public') return { ok: true, value: null };
  if (principal === null) return { ok: false, error: fail('unauthenticated', 'Sign in first.') };
  const grants = grantsForPolicy(principal, policy);
  const denied = {
    ok: false as const,
    error: fail('forbidden', 'Your role does not allow this here.'),
  };
  if (grants.length === 0) return denied;
  let location: Location | null = null;
  if (policy.scope !== undefined) {
    const values = policy.scope.from.map((f) => sourceValue(f, ids.params, ids.query, ids.body));
    const missing = policy.scope.from.find((_, i) => values[i] === undefined);
    if (missing !== undefined) {
      // Only the administrator acts without a scope (e.g. a root unit has no parent).
      if (grants.some((g) => g.role === 'administrator')) return { ok: true, value: null };
      const field = missing.split(':')[1];
      return { ok: false, error: fail('validation_failed', `${field} is required.`, field) };
    }
    location = await resolver.locate(policy.scope.kind, values as string[]);
    if (location === null)
      return { ok: false, error: fail('not_found', `No such ${policy.scope.kind}.`) };
  }
  for (const grant of grants) {
    if (await grantReaches(grant, location, policy, resolver)) return { ok: true, value: location };
  }
  return denied;
}

/** Turns a route spec into a registered route: validation, authorization, handler, response. */
export function defineRoute<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema = z.ZodNever,
  R extends Schema = Schema,
>(spec: RouteSpec<P, Q, B, R>): Route {
  const honoPath = spec.path.replace(/\{(\w+)\}/g, ':$1');
  const status = spec.status ?? 200;
  const bodyAfterScope = spec.authorize.scope?.from.some((f) => f.startsWith('body:')) !== true;
  const request: NonNullable<RouteConfig['request']> = {};
  if (spec.params) request.params = spec.params as z.ZodObject;
  if (spec.query) request.query = spec.query as z.ZodObject;
  if (spec.body?.kind === 'json') {
    request.body = {
      required: true,
      content: { 'application/json': { schema: spec.body.schema } },
    };
  } else if (spec.body?.kind === 'file') {
    request.body = {
      required: true,
      description: `The file's bytes (${spec.body.accept.join(', ')}); its name URI-encoded in X-File-Name.`,
      content: Object.fromEntries(
        spec.body.accept.map((k) => [
          FILE_MIME[k].split(';')[0]!,
          { schema: z.string().meta({ format: 'binary' }) },
        ]),
      ),
    };
  }
  const errorContent = { 'application/json': { schema: ERROR_BODY_SCHEMA } };
  const openapi = {
    method: spec.method,
    path: spec.path,
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description === undefined ? {} : { description: spec.description }),
    request,
    ...(spec.authorize.roles === 'public' ? { security: [] } : {}),
    responses: {
      [status]:
        spec.response === 'event-stream'
          ? {
              description: 'A text/event-stream (Server-Sent Events) that stays open.',
              content: { 'text/event-stream': { schema: z.string() } },
            }
          : spec.response === 'file'
            ? {
                description: 'The file.',
                content: {
                  'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) },
                },
              }
            : {
                description: 'Success.',
                content: { 'application/json': { schema: spec.response } },
              },
      default: {
        description: 'An error: { error: { code, message, field? } }.',
        content: errorContent,
      },
    },
    'x-roles': spec.authorize.roles === 'public' ? ['public'] : [...spec.authorize.roles],
  } as RouteConfig;

  const handle = async (c: Context<AppEnv>, resolver: ScopeResolver): Promise<Response> => {
    const principal = c.get('principal');
    const policy = spec.authorize;
    // Who first (401, then 403 for a role the route does not admit), before any input is looked at.
    if (policy.roles !== 'public') {
      if (principal === null) return errorResponse(c, fail('unauthenticated', 'Sign in first.'));
      if (grantsForPolicy(principal, policy).length === 0) {
        return errorResponse(c, fail('forbidden', 'Your role does not allow this here.'));
      }
    }
    let params: unknown = undefined;
    if (spec.params) {
      const parsed = spec.params.safeParse(c.req.param());
      if (!parsed.success) return errorResponse(c, zodFailure(parsed.error, 'params'));
      params = parsed.data;
    }
    let query: unknown = undefined;
    if (spec.query) {
      const parsed = spec.query.safeParse(c.req.query());
      if (!parsed.success) return errorResponse(c, zodFailure(parsed.error, 'query'));
      query = parsed.data;
    }
    // A scope id in the body is read from the raw JSON; the schema is applied after authorization.
    let raw: unknown = undefined;
    if (!bodyAfterScope && spec.body?.kind === 'json') {
      const read = await readJson(c);
      if (!read.ok) return errorResponse(c, read.error);
      raw = read.value;
    }
    const allowed = await authorize(policy, principal, { params, query, body: raw }, resolver);
    if (!allowed.ok) return errorResponse(c, allowed.error);
    let body: unknown = undefined;
    if (spec.body?.kind === 'json') {
      if (bodyAfterScope) {
        const read = await readJson(c);
        if (!read.ok) return errorResponse(c, read.error);
        raw = read.value;
      }
      const parsed = spec.body.schema.safeParse(raw);
      if (!parsed.success) return errorResponse(c, zodFailure(parsed.error, 'body'));
      body = parsed.data;
    } else if (spec.body?.kind === 'file') {
      const read = await readFile(c, spec.body.accept);
      if (!read.ok) return errorResponse(c, read.error);
      body = read.value;
    }
    const result = await spec.handler({
      params: params as Out<P>,
      query: query as Out<Q>,
      body: body as B extends z.ZodNever ? UploadedFile : z.output<B>,
      principal,
      location: allowed.value,
      clientIp: c.get('clientIp'),
      c,
    });
    if (!result.ok) return errorResponse(c, result.error);
    if (spec.response === 'event-stream') return result.value as Response;
    if (spec.response === 'file') {
      const file = result.value as FileReply;
      return new Response(new Uint8Array(file.bytes).buffer, {
        status,
        headers: {
          'content-type': file.contentType,
          'content-disposition': contentDisposition(file.fileName),
          'cache-control': 'private, no-store',
        },
      });
    }
    // The response is checked against its schema: a mismatch is a server bug, never sent half-valid.
    const out = spec.response.safeParse(result.value);
    if (!out.success) {
      throw new Error(
        `${spec.method.toUpperCase()} ${spec.path}: response does not match its schema: ${out.error.message}`,
      );
    }
    return c.json(out.data as object, status);
  };

  return {
    method: spec.method,
    path: spec.path,
    honoPath,
    policy: spec.authorize,
    hasBody: spec.body !== undefined,
    isUpload: spec.body?.kind === 'file',
    maxBodyBytes: spec.maxBodyBytes,
    openapi,
    handle,
  };
}
