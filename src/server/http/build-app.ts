// Assembles the Hono app from routes: middleware order, body limits, CSRF, errors, OpenAPI document, static files.

import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { ScopeResolver } from '../auth/policy.js';
import type { Principal } from '../auth/principal.js';
import { errorResponse, fail } from '../errors.js';
import { isPublicElectionPath } from './booth-paths.js';
import { csrfProtection } from './csrf.js';
import type { AppEnv } from './env.js';
import { requestLog, type LogSink } from './request-log.js';
import { requestTurns } from './request-turns.js';
import type { Route } from './route.js';
import { securityHeaders } from './security-headers.js';
import { staticFiles } from './static-files.js';

/** What the framework needs to build the app; app.ts provides it from the store and the config. */
export interface BuildOptions {
  readonly routes: readonly Route[];
  readonly resolver: ScopeResolver;
  /** The principal of a request's session cookie, or null (anonymous, expired, unknown). */
  readonly loadPrincipal: (c: Context<AppEnv>) => Promise<Principal | null>;
  readonly maxJsonBytes: number;
  readonly maxUploadBytes: number;
  readonly publicUrl: string | null;
  readonly trustProxy: boolean;
  readonly webRoot: string;
  readonly log: LogSink | null;
  readonly now: () => Date;
  /** Where unexpected errors are reported (with their stack), never to the client. */
  readonly onInternalError: (error: unknown, c: Context) => void;
}

/** PostgreSQL connection loss (class 08, admin shutdown 57P) and SQLite busy: codes of the drivers. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
]);

/** `store_unavailable` or `store_locked` for a driver error that means the database cannot answer now. */
export function storeFailure(error: unknown) {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return fail('store_locked', 'The database is busy; try again in a moment.');
  }
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('08')) {
    return fail('store_unavailable', 'The database cannot be reached; try again in a moment.');
  }
  return null;
}

/**
 * A request the database refused (a constraint, or a value it cannot store such as NUL in PostgreSQL text):
 * the transaction rolled back, so nothing changed; the client gets a 409 or 422 instead of a 500. The
 * routes should have caught it first, so it is still logged as a server error (issue 8 §4).
 */
export function storeRefusal(error: unknown) {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code.startsWith('SQLITE_CONSTRAINT') || /^23[0-9A-Z]{3}$/.test(code))
    return fail('conflict', 'The change conflicts with stored data; nothing was changed.');
  if (/^22[0-9A-Z]{3}$/.test(code))
    return fail('invalid_input', 'A value cannot be stored as given; nothing was changed.');
  return null;
}

/** The OpenAPI document's header. */
export const OPENAPI_INFO = {
  openapi: '3.0.3',
  info: {
    title: 'Tín nhiệm API',
    version: '0.1.0',
    description:
      'Lấy phiếu tín nhiệm từ kế hoạch đến kết quả công bố. Confidence votes from plan to published result. ' +
      'Every non-GET request carries X-CSRF-Token (GET /api/auth/session gives it). Errors: { error: { code, message, field? } }.',
  },
} as const;

function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'local';
  }
}

/** Builds the app: every route registered with its body limit; the OpenAPI document generated from them. */
export function buildApp(options: BuildOptions): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();

  if (options.log) app.use('*', requestLog(options.log, options.now));
  app.use('*', requestTurns());
  app.use('*', securityHeaders({ hsts: options.publicUrl?.startsWith('https:') ?? false }));

  app.onError((error, c) => {
    // A database that is down or busy is the store's state, not a bug: 503 with a code the page can retry on.
    const unavailable = storeFailure(error);
    if (unavailable !== null) return errorResponse(c, unavailable, { 'Retry-After': '5' });
    options.onInternalError(error, c);
    const refused = storeRefusal(error);
    if (refused !== null) return errorResponse(c, refused);
    return errorResponse(
      c,
      fail('internal_error', 'Something went wrong on the server; it has been logged.'),
    );
  });

  const session: MiddlewareHandler<AppEnv> = async (c, next) => {
    c.set('clientIp', clientIp(c, options.trustProxy));
    c.set('sessionEnded', false);
    // Secrecy: the booth never reads the session (it would touch last_seen_at as a ballot arrives).
    c.set('principal', isPublicElectionPath(c.req.path) ? null : await options.loadPrincipal(c));
    await next();
  };
  app.use('/api/*', session);
  app.use('/api/*', csrfProtection({ publicUrl: options.publicUrl }));

  const tooLarge = (limit: number) =>
    bodyLimit({
      maxSize: limit,
      onError: (c) =>
        errorResponse(
          c,
          fail('payload_too_large', `The request body is larger than ${limit} bytes.`),
        ),
    });

  const seen = new Set<string>();
  for (const route of options.routes) {
    const key = `${route.method} ${route.path}`;
    if (seen.has(key)) throw new Error(`route defined twice: ${key}`);
    seen.add(key);
    const limit =
      route.maxBodyBytes ?? (route.isUpload ? options.maxUploadBytes : options.maxJsonBytes);
    app.openAPIRegistry.registerPath(route.openapi);
    app.on(route.method.toUpperCase(), route.honoPath, tooLarge(limit), (c) =>
      route.handle(c, options.resolver),
    );
  }

  app.get('/api/openapi.json', (c) => c.json(openApiDocument(app)));
  app.all('/api/*', (c) =>
    errorResponse(c, fail('not_found', `No API route ${c.req.method} ${c.req.path}.`)),
  );
  app.all('/api', (c) => errorResponse(c, fail('not_found', 'See /api/openapi.json.')));

  const serveStatic = staticFiles(options.webRoot);
  app.on(['GET', 'HEAD'], '*', (c) => serveStatic(c));
  app.all('*', (c) =>
    errorResponse(c, fail('method_not_allowed', `${c.req.method} is not allowed here.`)),
  );
  return app;
}

/** The OpenAPI 3 document of the app's routes. */
export function openApiDocument(app: OpenAPIHono<AppEnv>) {
  return app.getOpenAPIDocument(OPENAPI_INFO);
}
