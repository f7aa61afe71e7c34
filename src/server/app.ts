// createApp: the Hono app of Tín nhiệm from its services (store, clock, random, config, logger).

import type { OpenAPIHono } from '@hono/zod-openapi';
import { join } from 'node:path';
import type { Clock } from '../core/model/index.js';
import type { RandomSource } from '../crypto/random.js';
import type { Store } from '../store/index.js';
import { createRateLimiter } from './auth/rate-limiter.js';
import { principalLoader } from './auth/sessions.js';
import { storeResolver } from './auth/store-resolver.js';
import type { ServerConfig } from './config.js';
import type { AppDeps, Logger } from './deps.js';
import { buildApp } from './http/build-app.js';
import type { AppEnv } from './http/env.js';
import type { Route } from './http/route.js';
import { packageRoot } from './http/static-files.js';
import { auditRoutes } from './routes/audit.js';
import { committeeRoutes } from './routes/committee.js';
import { countingRoutes } from './routes/counting.js';
import { followUpRoutes } from './routes/follow-ups.js';
import { publicationRoutes } from './routes/publication.js';
import { resultRoutes } from './routes/result.js';
import { rollCallRoutes } from './routes/roll-call.js';
import { authRoutes } from './routes/auth.js';
import { conferenceRoutes } from './routes/conferences.js';
import { demoRoutes } from './routes/demo.js';
import { documentRoutes } from './routes/documents.js';
import { participantRoutes } from './routes/participants.js';
import { personRoutes } from './routes/persons.js';
import { questionRoutes } from './routes/questions.js';
import { reportRoutes } from './routes/reports.js';
import { roundRoutes } from './routes/rounds.js';
import { setupRoutes } from './routes/setup.js';
import { systemRoutes } from './routes/system.js';
import { unitRoutes } from './routes/units.js';
import { userRoutes } from './routes/users.js';
import { electionOrganiserRoutes } from './routes/election-organiser.js';
import { electionPublicRoutes } from './routes/election-public.js';
import { limitBoothSubmissions } from './routes/booth-rate-limit.js';
import { electionTrusteeRoutes } from './routes/election-trustee.js';
import { electionCeremonyRoutes } from './routes/election-ceremony.js';
import { createLiveStreams, type LiveStreams } from './live/live-stream.js';
import { liveRoutes } from './routes/live.js';

/** The services createApp takes. */
export interface AppServices {
  readonly store: Store;
  readonly clock: Clock;
  readonly random: RandomSource;
  readonly config: ServerConfig;
  readonly logger: Logger;
  /** Folder of the built web app; default web/dist under the package root. */
  readonly webRoot?: string;
}

/** The app and its route table (the matrix test and the OpenAPI coverage test walk it). */
export interface App {
  readonly app: OpenAPIHono<AppEnv>;
  readonly routes: readonly Route[];
}

/** What createApp gives besides the app: the end of every open live-update stream (for shutdown). */
export interface AppWithStreams extends App {
  /** Ends every open live-update stream (before server.close(), which would wait for them). */
  readonly endStreams: () => void;
}

/** Every route of the API, area by area (one file per area under routes/). */
export function apiRoutes(deps: AppDeps, streams: LiveStreams = createLiveStreams()): Route[] {
  return [
    ...systemRoutes(deps),
    ...setupRoutes(deps),
    ...authRoutes(deps),
    ...userRoutes(deps),
    ...demoRoutes(deps),
    ...unitRoutes(deps),
    ...roundRoutes(deps),
    ...personRoutes(deps),
    ...conferenceRoutes(deps),
    ...participantRoutes(deps),
    ...reportRoutes(deps),
    ...questionRoutes(deps),
    ...auditRoutes(deps),
    ...rollCallRoutes(deps),
    ...committeeRoutes(deps),
    ...countingRoutes(deps),
    ...resultRoutes(deps),
    ...publicationRoutes(deps),
    ...followUpRoutes(deps),
    ...documentRoutes(deps),
    ...electionOrganiserRoutes(deps),
    ...electionTrusteeRoutes(deps),
    ...electionCeremonyRoutes(deps),
    ...limitBoothSubmissions(electionPublicRoutes(deps), deps),
    ...liveRoutes(deps, streams),
  ];
}

/** Builds the app: API under /api, OpenAPI at /api/openapi.json, the web app from web/dist. */
export function createApp(services: AppServices): AppWithStreams {
  const { store, clock, random, config, logger } = services;
  const deps: AppDeps = {
    store,
    clock,
    random,
    config,
    logger,
    loginLimiter: createRateLimiter(config.loginAttempts, config.rateWindowSeconds),
  };
  const streams = createLiveStreams();
  const routes = apiRoutes(deps, streams);
  const app = buildApp({
    routes,
    resolver: storeResolver(store),
    loadPrincipal: principalLoader(deps),
    maxJsonBytes: config.maxJsonBytes,
    maxUploadBytes: config.maxUploadBytes,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    webRoot: services.webRoot ?? join(packageRoot(), 'web', 'dist'),
    log: config.log === 'info' ? (line) => logger.info(line) : null,
    now: () => new Date(clock.now()),
    onInternalError: (error, c) => {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      logger.error(`internal error on ${c.req.method} ${c.req.path}: ${detail}`);
    },
  });
  return { app, routes, endStreams: () => streams.endAll() };
}
