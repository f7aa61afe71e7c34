// Health check: whether the server and its store answer (for process managers and the e2e tests).

import { z } from 'zod';
import { ok } from '../../rules/index.js';
import { publicRoute } from '../auth/policy.js';
import type { AppDeps } from '../deps.js';
import { defineRoute, type Route } from '../http/route.js';

/** The system routes. */
export function systemRoutes(deps: AppDeps): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/health',
      tag: 'system',
      summary: 'Server and store are up',
      response: z.object({
        ok: z.literal(true),
        store: z.enum(['sqlite', 'postgres']),
        time: z.string(),
      }),
      authorize: publicRoute,
      handler: async () => {
        await deps.store.settings.get('server.health');
        return ok({ ok: true as const, store: deps.store.dialect, time: deps.clock.now() });
      },
    }),
  ];
}
