// Dữ liệu mẫu — the administrator loads the demo data of the five seed reports (the store's demo loader).

import { z } from 'zod';
import { ok } from '../../rules/index.js';
import { DEMO_SETTING_KEY, loadDemo } from '../../store/index.js';
import { requireRole } from '../auth/policy.js';
import { actorOf, type AppDeps } from '../deps.js';
import { defineRoute, type Route } from '../http/route.js';

/** What the demo created, as counts. */
export const DEMO_SUMMARY = z
  .object({
    units: z.number().int(),
    persons: z.number().int(),
    positions: z.number().int(),
    rounds: z.number().int(),
    conferences: z.number().int(),
    subjects: z.number().int(),
    excluded: z.number().int(),
    participants: z.number().int(),
    questions: z.number().int(),
  })
  .meta({ id: 'DemoSummary' });

/** The demo routes (administrator only). */
export function demoRoutes(deps: AppDeps): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/demo',
      tag: 'demo',
      summary: 'Whether the demo data is loaded',
      response: z.object({ loaded: z.boolean() }),
      authorize: requireRole([]),
      handler: async () =>
        ok({ loaded: (await deps.store.settings.get(DEMO_SETTING_KEY)) != null }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/demo',
      tag: 'demo',
      summary:
        'Load the demo data (Nạp dữ liệu mẫu): the five seed reports’ units, rounds, conferences and persons, marked as sample',
      status: 201,
      response: DEMO_SUMMARY,
      authorize: requireRole([]),
      handler: async ({ principal }) => loadDemo(deps.store, { actor: actorOf(principal) }),
    }),
  ];
}
