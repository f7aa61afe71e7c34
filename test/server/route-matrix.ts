// Builds, for any route of the table, a request that reaches its authorization check with fixture ids.

import type { Route } from '../../src/server/http/route.js';
import { minimalPdf } from './sample-files.js';

/** Path parameters and scope ids of the fixture, by name (unitId, roundId, conferenceId, personId, …). */
export type FixtureIds = Readonly<Record<string, string>>;

/**
 * A request for `route`: path parameters from `ids`, scope ids in the query or the body where the
 * policy reads them, an empty JSON object or a small PDF as body. The body is otherwise left invalid on
 * purpose: an allowed caller gets past authorization and then `validation_failed`, and nothing changes.
 */
export function requestFor(
  route: Route,
  ids: FixtureIds,
  csrf: string,
  cookie: string | null,
): { url: string; init: RequestInit } {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const id = ids[name];
    if (id === undefined) throw new Error(`fixture has no id for {${name}} in ${route.path}`);
    return encodeURIComponent(id);
  });
  const query = new URLSearchParams();
  const body: Record<string, string> = {};
  for (const source of route.policy.scope?.from ?? []) {
    const [where, name] = source.split(':') as [string, string];
    const id = ids[name];
    if (id === undefined) throw new Error(`fixture has no id for ${source} in ${route.path}`);
    if (where === 'query') query.set(name, id);
    if (where === 'body') body[name] = id;
  }
  const headers: Record<string, string> = { 'x-csrf-token': csrf, origin: 'http://localhost' };
  if (cookie !== null) headers.cookie = cookie;
  const init: RequestInit = { method: route.method.toUpperCase(), headers };
  if (route.hasBody && route.isUpload) {
    headers['content-type'] = 'application/pdf';
    init.body = new Uint8Array(minimalPdf()).buffer;
  } else if (route.hasBody) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const qs = query.toString();
  return { url: `http://localhost${path}${qs === '' ? '' : `?${qs}`}`, init };
}
