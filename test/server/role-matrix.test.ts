// Every role × every route: each role is allowed exactly where the route's declared policy says, denied (403)
// elsewhere; anonymous callers get 401; an organiser of another unit is refused on every scoped route. The
// routes come from the app's route table, and the table must equal the OpenAPI document, so no route is missed.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/core/model/index.js';
import { requireRole } from '../../src/server/auth/policy.js';
import { ROLES, type Role } from '../../src/server/auth/principal.js';
import { storeResolver } from '../../src/server/auth/store-resolver.js';
import { authorize } from '../../src/server/http/route.js';
import type { Route } from '../../src/server/http/route.js';
import { buildWorld, type World } from './fixture.js';
import { openTestApp, sessionClient, type TestApp } from './harness.js';
import { requestFor } from './route-matrix.js';

let t: TestApp;
let world: World;

beforeAll(async () => {
  t = await openTestApp();
  world = await buildWorld(t.store);
}, 60_000);
afterAll(async () => t?.close());

/** Destructive routes run last, so that earlier checks still find the fixture. */
function ordered(routes: readonly Route[]): Route[] {
  const weight = (r: Route) =>
    r.method === 'delete' ? 2 : r.path === '/api/demo' || r.path === '/api/auth/logout' ? 1 : 0;
  return [...routes].sort((x, y) => weight(x) - weight(y));
}

function allows(route: Route, role: Role): boolean {
  // The fixture's conference has not started: committee rights that begin at the start are refused (issue 4).
  if (role === 'counting-committee' && route.policy.committeeFromStart === true) return false;
  return route.policy.roles === 'public' || route.policy.roles.includes(role);
}

async function statusOf(
  route: Route,
  userId: string | null,
): Promise<{ status: number; body: string }> {
  const client = userId === null ? null : await sessionClient(t, userId);
  const { url, init } = requestFor(
    route,
    world.ids,
    client?.csrf ?? 'anonymous',
    client?.cookie ?? null,
  );
  const res = await t.app.request(url, init);
  return { status: res.status, body: await res.text() };
}

describe('role × route matrix', () => {
  it('the route table and the OpenAPI document list the same operations', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`))
      .sort();
    expect(documented).toEqual(t.routes.map((r) => `${r.method} ${r.path}`).sort());
    expect(t.routes.length).toBeGreaterThan(50);
  });

  it('the permission table is pinned: any change to who may call what shows up here for review', () => {
    const table = t.routes.map((r) => {
      const roles = r.policy.roles === 'public' ? ['public'] : r.policy.roles;
      const scope = r.policy.scope
        ? ` @${r.policy.scope.kind}(${r.policy.scope.from.join('+')})`
        : '';
      return `${r.method.toUpperCase()} ${r.path}: ${roles.join(', ')}${scope}`;
    });
    expect(table).toMatchSnapshot();
  });

  it('inspectors are read-only: no state-changing route admits them (their own password aside)', () => {
    const writes = t.routes.filter(
      (r) =>
        r.method !== 'get' &&
        !r.path.startsWith('/api/auth/') &&
        r.policy.roles !== 'public' &&
        r.policy.roles.includes('inspector'),
    );
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('every role gets exactly what each route declares', async () => {
    const problems: string[] = [];
    for (const route of ordered(t.routes)) {
      const anon = await statusOf(route, null);
      if (route.policy.roles !== 'public' && anon.status !== 401)
        problems.push(`anonymous ${route.method} ${route.path}: ${anon.status}`);
      // On a deletion the administrator goes last, so the roles before it still find the resource.
      const roles = route.method === 'delete' ? [...ROLES.slice(1), ROLES[0]] : ROLES;
      for (const role of roles) {
        const { status, body } = await statusOf(route, world.users[role]);
        const allowed = allows(route, role);
        const ok = allowed ? status !== 401 && status !== 403 && status < 500 : status === 403;
        if (!ok)
          problems.push(
            `${role} ${route.method.toUpperCase()} ${route.path}: expected ${allowed ? 'allowed' : '403'}, got ${status} ${body.slice(0, 160)}`,
          );
      }
    }
    expect(problems).toEqual([]);
    expect(t.errors).toEqual([]);
  }, 120_000);

  it('an organiser of another unit is refused on every route scoped to the fixture', async () => {
    const problems: string[] = [];
    for (const route of ordered(t.routes)) {
      if (
        route.policy.scope === undefined ||
        !allows(route, 'organiser') ||
        route.method === 'delete'
      )
        continue;
      const { status } = await statusOf(route, world.outsider);
      if (status !== 403) problems.push(`${route.method.toUpperCase()} ${route.path}: ${status}`);
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it('a counting-committee member acts only for their conference and only from its start (issue 4 uses it)', async () => {
    const policy = requireRole(
      ['counting-committee'],
      { conference: 'param:conferenceId' },
      { committeeFromStart: true },
    );
    const member = {
      userId: world.users['counting-committee'],
      username: 'u-counting-committee',
      displayName: 'Ban kiểm phiếu',
      grants: [{ role: 'counting-committee' as const, conferenceId: world.ids.conferenceId! }],
      csrfToken: 'x',
      sessionId: 's',
    };
    const resolver = storeResolver(t.store);
    const check = async (conferenceId: string) =>
      (
        await authorize(
          policy,
          member,
          { params: { conferenceId }, query: {}, body: undefined },
          resolver,
        )
      ).ok;
    expect(await check(world.ids.conferenceId!)).toBe(false);
    for (const to of ['prepared', 'open'] as const) {
      const moved = await t.store.conferences.transition(SYSTEM_ACTOR, world.ids.conferenceId!, to);
      expect(moved.ok).toBe(true);
    }
    expect(await check(world.ids.conferenceId!)).toBe(true);
    const other = await t.store.conferences.create(SYSTEM_ACTOR, {
      roundId: world.ids.roundId!,
      unitId: world.ids.unitId!,
      title: 'Hội nghị khác',
      date: '2023-10-05',
      place: 'Hội trường',
      chair: 'Chủ trì',
    });
    if (!other.ok) throw new Error(other.error.message);
    expect(await check(other.value.id)).toBe(false);
  });

  it('lists and unscoped creations are filtered by reach: an organiser of another unit sees and changes nothing here', async () => {
    const outsider = await sessionClient(t, world.outsider);
    const units = await outsider.json<{ id: string }[]>('GET', '/api/units');
    expect(units.map((u) => u.id)).not.toContain(world.ids.unitId);
    const conferences = await outsider.json<{ id: string }[]>('GET', '/api/conferences');
    expect(conferences.map((c) => c.id)).not.toContain(world.ids.conferenceId);
    const rounds = await outsider.json<{ id: string }[]>('GET', '/api/rounds');
    expect(rounds.map((r) => r.id)).not.toContain(world.ids.roundId);
    const persons = await outsider.json<{ id: string }[]>('GET', '/api/persons');
    expect(persons.map((p) => p.id)).not.toContain(world.ids.personId);
    const round = await outsider.request('POST', '/api/rounds', {
      plan: { number: '1-KH', date: null, issuingBody: 'Ban Thường vụ' },
      title: 'Đợt lạ',
      ruleSetId: 'qd96-2023',
      year: 2023,
      unitIds: [world.ids.unitId],
    });
    expect(round.status).toBe(403);
    expect((await outsider.request('GET', `/api/persons?unitId=${world.ids.unitId}`)).status).toBe(
      403,
    );
  });
});
