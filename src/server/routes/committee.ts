// Ban kiểm phiếu — the counting committee: members, head, and their sign-in (own account or one-time code).

import { z } from 'zod';
import type { CommitteeMember } from '../../core/model/index.js';
import { err, ok } from '../../rules/index.js';
import { publicRoute, requireRole } from '../auth/policy.js';
import { startSession } from '../auth/sessions.js';
import { tokenDigest } from '../auth/tokens.js';
import { userDto } from '../auth/users.js';
import { normaliseCode, randomCode } from '../conference-day/guards.js';
import { actorOf, type AppDeps } from '../deps.js';
import { fail } from '../errors.js';
import { defineRoute, type Route } from '../http/route.js';
import type { Repositories } from '../../store/index.js';
import {
  COMMITTEE_CODE,
  COMMITTEE_MEMBER,
  type CommitteeMemberDto,
} from './conference-day-schemas.js';
import { ID, text, USER } from './schemas.js';

const CONF = { conference: 'param:conferenceId' } as const;
const conferenceParams = z.object({ conferenceId: ID });
const memberParams = z.object({ conferenceId: ID, memberId: ID });

/** A one-time code: 12 × 5 = 60 random bits, valid for a day, one use. */
export const COMMITTEE_CODE_LENGTH = 12;
const COMMITTEE_CODE_HOURS = 24;

async function memberDto(store: Repositories, m: CommitteeMember): Promise<CommitteeMemberDto> {
  const user = m.userId === null ? null : await store.users.get(m.userId);
  return {
    id: m.id,
    fullName: m.fullName,
    isHead: m.isHead,
    userId: m.userId,
    username: user?.username ?? null,
    hasPendingCode: m.hasPendingCode,
  };
}

/** Committee routes. */
export function committeeRoutes(deps: AppDeps): Route[] {
  const { store } = deps;
  const memberHere = async (conferenceId: string, memberId: string) => {
    const m = await store.committee.get(memberId);
    return m === null || m.conferenceId !== conferenceId
      ? err(fail('not_found', 'No such committee member.'))
      : ok(m);
  };

  return [
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/committee',
      tag: 'conference-day',
      summary: 'Members of the counting committee (Ban kiểm phiếu), head first',
      params: conferenceParams,
      response: z.array(COMMITTEE_MEMBER),
      authorize: requireRole(['organiser', 'inspector', 'counting-committee'], CONF),
      handler: async ({ params }) => {
        const members = await store.committee.list(params.conferenceId);
        return ok(await Promise.all(members.map((m) => memberDto(store, m))));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/committee/me',
      tag: 'conference-day',
      summary: "The caller's membership of this conference's committee (null when not a member)",
      params: conferenceParams,
      response: z.object({ member: COMMITTEE_MEMBER.nullable() }),
      authorize: requireRole(['organiser', 'inspector', 'counting-committee'], CONF),
      handler: async ({ params, principal }) => {
        const m =
          principal === null
            ? null
            : await store.committee.memberFor(params.conferenceId, principal.userId);
        return ok({ member: m === null ? null : await memberDto(store, m) });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/conferences/{conferenceId}/committee',
      tag: 'conference-day',
      summary: 'Record a member the conference elected (optionally linked to an existing account)',
      params: conferenceParams,
      body: {
        kind: 'json',
        schema: z.object({
          fullName: text(200),
          isHead: z.boolean().optional(),
          userId: ID.nullable().optional(),
        }),
      },
      status: 201,
      response: COMMITTEE_MEMBER,
      authorize: requireRole(['organiser'], CONF),
      handler: async ({ params, body, principal }) => {
        const actor = actorOf(principal);
        const added = await store.transaction(async (tx) => {
          const m = await tx.committee.add(actor, { ...body, conferenceId: params.conferenceId });
          if (!m.ok || !body.userId) return m;
          // An existing account gets the committee grant of this conference (rights from its start).
          const grants = await tx.users.grants(body.userId);
          const has = grants.some(
            (g) => g.role === 'counting-committee' && g.conferenceId === params.conferenceId,
          );
          if (!has) {
            const granted = await tx.users.addGrant(actor, body.userId, {
              role: 'counting-committee',
              conferenceId: params.conferenceId,
            });
            if (!granted.ok) return granted;
          }
          return m;
        });
        return added.ok ? ok(await memberDto(store, added.value)) : added;
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/api/conferences/{conferenceId}/committee/{memberId}',
      tag: 'conference-day',
      summary: 'Rename a member or make them the head',
      params: memberParams,
      body: {
        kind: 'json',
        schema: z.object({ fullName: text(200), isHead: z.boolean() }).partial(),
      },
      response: COMMITTEE_MEMBER,
      authorize: requireRole(['organiser'], CONF),
      handler: async ({ params, body, principal }) => {
        const m = await memberHere(params.conferenceId, params.memberId);
        if (!m.ok) return m;
        const updated = await store.committee.update(actorOf(principal), m.value.id, body);
        return updated.ok ? ok(await memberDto(store, updated.value)) : updated;
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/conferences/{conferenceId}/committee/{memberId}',
      tag: 'conference-day',
      summary: 'Remove a member (refused once they entered ballots)',
      params: memberParams,
      response: COMMITTEE_MEMBER,
      authorize: requireRole(['organiser'], CONF),
      handler: async ({ params, principal }) => {
        const m = await memberHere(params.conferenceId, params.memberId);
        if (!m.ok) return m;
        const dto = await memberDto(store, m.value);
        const removed = await store.committee.remove(actorOf(principal), m.value.id);
        return removed.ok ? ok(dto) : removed;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/conferences/{conferenceId}/committee/{memberId}/code',
      tag: 'conference-day',
      summary: 'A one-time sign-in code for a member, shown once (makes their account if needed)',
      params: memberParams,
      status: 201,
      response: COMMITTEE_CODE,
      authorize: requireRole(['organiser'], CONF),
      handler: async ({ params, principal }) => {
        const m = await memberHere(params.conferenceId, params.memberId);
        if (!m.ok) return m;
        const actor = actorOf(principal);
        const code = randomCode(deps.random, COMMITTEE_CODE_LENGTH);
        const expiresAt = new Date(
          Date.parse(deps.clock.now()) + COMMITTEE_CODE_HOURS * 3_600_000,
        ).toISOString();
        const done = await store.transaction(async (tx) => {
          let userId = m.value.userId;
          if (userId === null) {
            // An account without a password: it signs in only by the code.
            const user = await tx.users.create(actor, {
              username: `bkp-${Buffer.from(deps.random(6)).toString('hex')}`,
              displayName: m.value.fullName,
              passwordHash: null,
            });
            if (!user.ok) return user;
            userId = user.value.id;
            const granted = await tx.users.addGrant(actor, userId, {
              role: 'counting-committee',
              conferenceId: params.conferenceId,
            });
            if (!granted.ok) return granted;
            const linked = await tx.committee.update(actor, m.value.id, { userId });
            if (!linked.ok) return linked;
          }
          const set = await tx.committee.setLoginCode(
            actor,
            m.value.id,
            tokenDigest(code),
            expiresAt,
          );
          return set.ok ? ok(userId) : set;
        });
        if (!done.ok) return done;
        const user = await store.users.get(done.value);
        return ok({ memberId: m.value.id, username: user?.username ?? '', code, expiresAt });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/committee-code',
      tag: 'auth',
      summary: 'Sign in as a counting-committee member with a one-time code (consumed on use)',
      body: { kind: 'json', schema: z.object({ code: z.string().min(1).max(64) }) },
      response: z.object({ csrfToken: z.string(), user: USER }),
      authorize: publicRoute,
      handler: async ({ body, clientIp, c }) => {
        const now = Date.parse(deps.clock.now());
        const wait = deps.loginLimiter.hit(`committee-code|${clientIp}`, now, 5);
        if (wait > 0) {
          c.header('Retry-After', String(wait));
          return err(fail('rate_limited', `Too many attempts; try again in ${wait} seconds.`));
        }
        const member = await store.committee.consumeLoginCode(
          { userId: null, label: 'committee-code' },
          tokenDigest(normaliseCode(body.code)),
          deps.clock.now(),
        );
        const user = member?.userId ? await store.users.get(member.userId) : null;
        if (member === null || user === null || user.disabled)
          return err(fail('invalid_credentials', 'This code is unknown, used or expired.'));
        const session = await startSession(deps, c, user, {
          userId: user.id,
          label: user.username,
        });
        if (!session.ok) return session;
        return ok({ user: await userDto(store, user), csrfToken: session.value.csrfToken });
      },
    }),
  ];
}
