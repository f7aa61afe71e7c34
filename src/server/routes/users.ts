// Accounts and role grants, managed by the administrator.

import { z } from 'zod';
import { err, ok } from '../../rules/index.js';
import { hashPassword } from '../auth/password.js';
import { requireRole } from '../auth/policy.js';
import { userDto } from '../auth/users.js';
import { actorOf, type AppDeps } from '../deps.js';
import { fail } from '../errors.js';
import { defineRoute, type Route } from '../http/route.js';
import { GRANT, ID, OK, PASSWORD, STORED_GRANT, text, USER, USERNAME } from './schemas.js';

const ADMIN = requireRole([]);

/** The user-management routes (administrator only). */
export function userRoutes(deps: AppDeps): Route[] {
  const notFound = err(fail('not_found', 'No such user.'));
  return [
    defineRoute({
      method: 'get',
      path: '/api/users',
      tag: 'users',
      summary: 'Accounts with their roles (Tài khoản)',
      response: z.array(USER),
      authorize: ADMIN,
      handler: async () =>
        ok(await Promise.all((await deps.store.users.list()).map((u) => userDto(deps.store, u)))),
    }),
    defineRoute({
      method: 'post',
      path: '/api/users',
      tag: 'users',
      summary: 'Create an account with its roles',
      body: {
        kind: 'json',
        schema: z.object({
          username: USERNAME,
          displayName: text(200),
          password: PASSWORD,
          grants: z.array(GRANT).max(50).default([]),
        }),
      },
      status: 201,
      response: USER,
      authorize: ADMIN,
      handler: async ({ body, principal }) => {
        const actor = actorOf(principal);
        const passwordHash = await hashPassword(body.password, deps.random);
        const created = await deps.store.transaction(async (tx) => {
          const user = await tx.users.create(actor, {
            username: body.username,
            displayName: body.displayName,
            passwordHash,
          });
          if (!user.ok) return user;
          for (const grant of body.grants) {
            const added = await tx.users.addGrant(actor, user.value.id, grant);
            if (!added.ok) return added;
          }
          return user;
        });
        return created.ok ? ok(await userDto(deps.store, created.value)) : created;
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/api/users/{userId}',
      tag: 'users',
      summary: 'Rename, disable or reset the password of an account',
      params: z.object({ userId: ID }),
      body: {
        kind: 'json',
        schema: z.object({
          displayName: text(200).optional(),
          disabled: z.boolean().optional(),
          password: PASSWORD.optional(),
        }),
      },
      response: USER,
      authorize: ADMIN,
      handler: async ({ params, body, principal }) => {
        const actor = actorOf(principal);
        if (body.disabled === true && params.userId === principal?.userId) {
          return err(fail('conflict', 'You cannot disable your own account.', 'disabled'));
        }
        const updated = await deps.store.users.update(actor, params.userId, {
          ...(body.displayName === undefined ? {} : { displayName: body.displayName }),
          ...(body.disabled === undefined ? {} : { disabled: body.disabled }),
          ...(body.password === undefined
            ? {}
            : { passwordHash: await hashPassword(body.password, deps.random) }),
        });
        if (!updated.ok) return updated;
        // A disabled account or a reset password ends every session of that account.
        if (body.disabled === true || body.password !== undefined) {
          await deps.store.sessions.deleteForUser(actor, params.userId);
        }
        return ok(await userDto(deps.store, updated.value));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/users/{userId}/grants',
      tag: 'users',
      summary: 'Give an account a role',
      params: z.object({ userId: ID }),
      body: { kind: 'json', schema: GRANT },
      status: 201,
      response: STORED_GRANT,
      authorize: ADMIN,
      handler: async ({ params, body, principal }) => {
        if ((await deps.store.users.get(params.userId)) === null) return notFound;
        const added = await deps.store.users.addGrant(actorOf(principal), params.userId, body);
        // The response schema keeps the grant and its id (userId is dropped by the schema).
        return added;
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/users/{userId}/grants/{grantId}',
      tag: 'users',
      summary: 'Take a role away',
      params: z.object({ userId: ID, grantId: ID }),
      response: OK,
      authorize: ADMIN,
      handler: async ({ params, principal }) => {
        const grants = await deps.store.users.grants(params.userId);
        const grant = grants.find((g) => g.id === params.grantId);
        if (grant === undefined) return err(fail('not_found', 'No such role on this account.'));
        if (grant.role === 'administrator' && params.userId === principal?.userId) {
          return err(fail('conflict', 'You cannot remove your own administrator role.'));
        }
        const removed = await deps.store.users.removeGrant(actorOf(principal), params.grantId);
        return removed.ok ? ok({ ok: true as const }) : removed;
      },
    }),
  ];
}
