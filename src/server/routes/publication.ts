// Công bố — publication at a scope (conference, competent authority, public aggregate) and the authority's table.

import { z } from 'zod';
import type { Grant } from '../../core/model/index.js';
import { err, ok } from '../../rules/index.js';
import { publicRoute, requireRole } from '../auth/policy.js';
import { conferenceOf } from '../conference-day/guards.js';
import { actorOf, type AppDeps } from '../deps.js';
import { fail } from '../errors.js';
import { defineRoute, type Route } from '../http/route.js';
import {
  AUTHORITY_TABLE,
  PUBLIC_SUMMARY,
  PUBLICATION,
  PUBLICATION_SCOPE,
  type AuthorityTableDto,
} from './conference-day-schemas.js';
import { isConfirmed, revisionResult } from './result.js';
import { ID } from './schemas.js';

const CONF = { conference: 'param:conferenceId' } as const;
const conferenceParams = z.object({ conferenceId: ID });

/** Scopes the competent authority sees (QĐ 96: the result is reported to the level that manages the post). */
const REPORTED = new Set(['authority', 'public']);

/** Publication routes. */
export function publicationRoutes(deps: AppDeps): Route[] {
  const { store } = deps;

  const publicationDto = async (conferenceId: string) => {
    const [publication, latest] = await Promise.all([
      store.results.publication(conferenceId),
      store.results.latest(conferenceId),
    ]);
    const summary = latest === null ? null : revisionResult(latest).summary;
    return {
      scope: publication?.scope ?? null,
      publishedAt: publication?.publishedAt ?? null,
      publicSummary: summary === null ? null : { vi: summary.vi, en: summary.en },
    };
  };

  return [
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/publication',
      tag: 'conference-day',
      summary: 'Where the result is published, and the public text (no per-person figures)',
      params: conferenceParams,
      response: PUBLICATION,
      authorize: requireRole(
        ['organiser', 'inspector', 'counting-committee', 'competent-authority'],
        CONF,
        { committeeFromStart: true },
      ),
      handler: async ({ params }) => ok(await publicationDto(params.conferenceId)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/conferences/{conferenceId}/publication',
      tag: 'conference-day',
      summary:
        'Publish the confirmed result: conference only, the competent authority, or public aggregate',
      params: conferenceParams,
      body: { kind: 'json', schema: z.object({ scope: PUBLICATION_SCOPE }) },
      response: PUBLICATION,
      authorize: requireRole(['organiser'], CONF),
      handler: async ({ params, body, principal, location }) => {
        const conference = await conferenceOf(store, params.conferenceId, location);
        if (!conference.ok) return conference;
        if (!isConfirmed(conference.value))
          return err(fail('result_not_confirmed', 'Only a confirmed result is published.'));
        const actor = actorOf(principal);
        const saved = await store.transaction(async (tx) => {
          const published = await tx.results.publish(actor, params.conferenceId, body.scope);
          if (!published.ok || conference.value.status === 'published') return published;
          const moved = await tx.conferences.transition(actor, params.conferenceId, 'published');
          return moved.ok ? published : moved;
        });
        return saved.ok ? ok(await publicationDto(params.conferenceId)) : saved;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/public/conferences/{conferenceId}/summary',
      tag: 'public',
      summary:
        'The public aggregate of a result published publicly: no name is paired with a figure',
      params: conferenceParams,
      response: PUBLIC_SUMMARY,
      authorize: publicRoute,
      handler: async ({ params }) => {
        const missing = err(fail('not_found', 'No public result for this conference.'));
        const conference = await store.conferences.get(params.conferenceId);
        if (conference === null) return missing;
        const publication = await store.results.publication(conference.id);
        const latest = await store.results.latest(conference.id);
        const summary = latest === null ? null : revisionResult(latest).summary;
        if (publication?.scope !== 'public' || summary === null) return missing;
        const unit = await store.units.get(conference.unitId);
        return ok({
          title: conference.title,
          unitName: unit?.name ?? '',
          date: conference.date,
          summary: { vi: summary.vi, en: summary.en },
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/rounds/{roundId}/authority-table',
      tag: 'conference-day',
      summary:
        'Competent authority: every unit of the round in reach, its reported result with bands, and units not yet reported',
      params: z.object({ roundId: ID }),
      query: z.object({ unitId: ID.optional() }),
      response: AUTHORITY_TABLE,
      authorize: requireRole(['competent-authority', 'organiser', 'inspector'], {
        round: 'param:roundId',
      }),
      handler: async ({ params, query, principal }) => {
        const round = await store.rounds.get(params.roundId);
        if (round === null) return err(fail('not_found', 'No such round.'));
        const grants: readonly Grant[] = principal?.grants ?? [];
        const admin = grants.some((g) => g.role === 'administrator');
        const reach = grants.flatMap((g) =>
          g.role === 'competent-authority' || g.role === 'organiser' || g.role === 'inspector'
            ? [g.unitId]
            : [],
        );
        const table: AuthorityTableDto = {
          roundId: round.id,
          rows: [],
          notReported: [],
          flagged: [],
        };
        const conferences = await store.conferences.list({ roundId: round.id });
        for (const unitId of round.unitIds) {
          const chain = (await store.units.ancestors(unitId)).map((u) => u.id);
          if (!admin && !reach.some((id) => chain.includes(id))) continue;
          if (query.unitId !== undefined && !chain.includes(query.unitId)) continue;
          const unit = await store.units.get(unitId);
          const unitName = unit?.name ?? '';
          const mine = conferences.filter((c) => c.unitId === unitId);
          let reported = false;
          for (const c of mine) {
            const publication = await store.results.publication(c.id);
            const latest = await store.results.latest(c.id);
            if (!publication || !REPORTED.has(publication.scope) || latest === null) continue;
            reported = true;
            const result = revisionResult(latest);
            table.rows.push({
              unitId,
              unitName,
              conferenceId: c.id,
              conferenceTitle: c.title,
              revision: latest.revision,
              scope: publication.scope,
              persons: result.persons,
            });
            for (const p of result.persons) {
              if (p.outcome === 'none') continue;
              table.flagged.push({
                unitId,
                conferenceId: c.id,
                personId: p.personId,
                fullName: p.fullName,
                outcome: p.outcome,
              });
            }
          }
          if (!reported) {
            table.notReported.push({
              unitId,
              unitName,
              conferenceId: mine[0]?.id ?? null,
              status: mine[0]?.status ?? null,
            });
          }
        }
        return ok(table);
      },
    }),
  ];
}
