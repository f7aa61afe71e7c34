// Server configuration: the environment parsed once with zod; a bad value stops the start with a clear message.

import { resolve } from 'node:path';
import { z } from 'zod';
import { err, ok, type Failure, type Result } from '../rules/index.js';

/** Parsed, typed server configuration. No field holds a secret: secrets are generated and stored. */
export interface ServerConfig {
  /** TCP port (PORT, default 3000). */
  readonly port: number;
  /** Interface to listen on (HOST, default 127.0.0.1; 0.0.0.0 to serve a conference room's network). */
  readonly host: string;
  /** Absolute path of the data folder (TINNHIEM_DATA, default ./data from the working directory). */
  readonly dataDir: string;
  /** PostgreSQL connection string (DATABASE_URL); null = SQLite in the data folder. */
  readonly databaseUrl: string | null;
  /** Public origin used in printed links and the Origin check (PUBLIC_URL), e.g. https://tinnhiem.example.vn. */
  readonly publicUrl: string | null;
  /** Absolute session lifetime in minutes (TINNHIEM_SESSION_MINUTES, default 720 = 12 h). */
  readonly sessionMinutes: number;
  /** A session unused this many minutes ends (TINNHIEM_SESSION_IDLE_MINUTES, default 120 = 2 h). */
  readonly sessionIdleMinutes: number;
  /** Largest JSON request body in bytes (TINNHIEM_MAX_JSON_BYTES, default 1 MiB). */
  readonly maxJsonBytes: number;
  /** Largest uploaded file in bytes (TINNHIEM_MAX_UPLOAD_BYTES, default 20 MiB). */
  readonly maxUploadBytes: number;
  /** Login attempts allowed per IP and account in the window (TINNHIEM_LOGIN_ATTEMPTS, default 10). */
  readonly loginAttempts: number;
  /**
   * Ballots cast or audited per minute from one client address to one conference
   * (TINNHIEM_BALLOTS_PER_MINUTE, default 1000: a room of 500 behind one Wi-Fi router, all at once, twice).
   */
  readonly ballotsPerMinute: number;
  /** Rate-limit window in seconds (TINNHIEM_RATE_WINDOW_SECONDS, default 900). */
  readonly rateWindowSeconds: number;
  /** Whether to take the client IP from X-Forwarded-For (TINNHIEM_TRUST_PROXY=1 behind a reverse proxy). */
  readonly trustProxy: boolean;
  /** Request log: one line per request, or nothing (TINNHIEM_LOG=info|silent, default info). */
  readonly log: 'info' | 'silent';
  /** Whether cookies carry the Secure flag: true when PUBLIC_URL is https. */
  readonly secureCookies: boolean;
}

const int = (min: number, max: number, fallback: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .optional()
    .transform((v) => v ?? fallback);

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const ENV_SCHEMA = z.object({
  PORT: int(0, 65535, 3000),
  HOST: z.string().trim().min(1).optional(),
  TINNHIEM_DATA: z.string().trim().min(1).optional(),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'expected postgres://user@host:port/database')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  TINNHIEM_SESSION_MINUTES: int(5, 7 * 24 * 60, 12 * 60),
  TINNHIEM_SESSION_IDLE_MINUTES: int(5, 7 * 24 * 60, 2 * 60),
  TINNHIEM_MAX_JSON_BYTES: int(1024, 64 * 1024 * 1024, 1024 * 1024),
  TINNHIEM_MAX_UPLOAD_BYTES: int(1024, 512 * 1024 * 1024, 20 * 1024 * 1024),
  TINNHIEM_LOGIN_ATTEMPTS: int(1, 10_000, 10),
  TINNHIEM_BALLOTS_PER_MINUTE: int(1, 1_000_000, 1000),
  TINNHIEM_RATE_WINDOW_SECONDS: int(1, 86_400, 900),
  TINNHIEM_TRUST_PROXY: flag,
  TINNHIEM_LOG: z.enum(['info', 'silent']).optional(),
});

/**
 * Parses the environment into a config; `invalid_config` names the variable and what was expected.
 * `cwd` resolves a relative TINNHIEM_DATA.
 */
export function parseConfig(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): Result<ServerConfig, Failure<'invalid_config'>> {
  const parsed = ENV_SCHEMA.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    const value = env[name];
    return err({
      code: 'invalid_config',
      field: name,
      message: `${name}: ${issue?.message ?? 'invalid'}${value === undefined ? '' : ` (got "${value}")`}.`,
    });
  }
  const e = parsed.data;
  const publicUrl = e.PUBLIC_URL === undefined ? null : new URL(e.PUBLIC_URL).origin;
  return ok({
    port: e.PORT,
    host: e.HOST ?? '127.0.0.1',
    dataDir: resolve(cwd, e.TINNHIEM_DATA ?? 'data'),
    databaseUrl: e.DATABASE_URL ?? null,
    publicUrl,
    sessionMinutes: e.TINNHIEM_SESSION_MINUTES,
    sessionIdleMinutes: e.TINNHIEM_SESSION_IDLE_MINUTES,
    maxJsonBytes: e.TINNHIEM_MAX_JSON_BYTES,
    maxUploadBytes: e.TINNHIEM_MAX_UPLOAD_BYTES,
    loginAttempts: e.TINNHIEM_LOGIN_ATTEMPTS,
    ballotsPerMinute: e.TINNHIEM_BALLOTS_PER_MINUTE,
    rateWindowSeconds: e.TINNHIEM_RATE_WINDOW_SECONDS,
    trustProxy: e.TINNHIEM_TRUST_PROXY,
    log: e.TINNHIEM_LOG ?? 'info',
    secureCookies: publicUrl?.startsWith('https:') ?? false,
  });
}
