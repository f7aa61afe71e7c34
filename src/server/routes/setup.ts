// First start: whether setup is needed, and creating the first administrator with the one-time token.

import { z } from 'zod';
import { SYSTEM_ACTOR } from '../../core/model/index.js';
import { err, ok } from '../../rules/index.js';
import { hashPassword } from '../auth/password.js';
import { publicRoute } from '../auth/policy.js';
import { startSession } from '../auth/sessions.js';
import { SETUP_TOKEN_SETTING, setupTokenMatches } from '../auth/setup-token.js';
import { hasAdministrator, userDto } from '../auth/users.js';
import type { AppDeps } from '../deps.js';
import { fail } from '../errors.js';
import { defineRoute, type Route } from '../http/route.js';
import { PASSWORD, text, USER, USERNAME } from './schemas.js';

const SETUP_BODY = z.object({
  token: z.string().min(1).max(200),
  username: USERNAME,
  displayName: text(200),
  password: PASSWORD,
});

/** The setup routes. */
export function setupRoutes(deps: AppDeps): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/setup',
      tag: 'setup',
      summary: 'Whether the first administrator still has to be created (Cần thiết lập lần đầu?)',
      response: z.object({ needed: z.boolean() }),
      authorize: publicRoute,
      handler: async () => ok({ needed: !(await hasAdministrator(deps.store)) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/setup',
      tag: 'setup',
      summary: 'Create the first administrator with the one-time token printed at start; signs in',
      body: { kind: 'json', schema: SETUP_BODY },
      status: 201,
      response: z.object({ user: USER, csrfToken: z.string() }),
      authorize: publicRoute,
      handler: async ({ body, c }) => {
        if (await hasAdministrator(deps.store)) {
          return err(fail('setup_done', 'An administrator already exists; sign in instead.'));
        }
        if (!(await setupTokenMatches(deps, body.token))) {
          return err(
            fail(
              'setup_token_invalid',
              'The setup link is not valid (used, or replaced by a restart).',
              'token',
            ),
          );
        }
        const passwordHash = await hashPassword(body.password, deps.random);
        const created = await deps.store.transaction(async (tx) => {
          // Checked again inside the transaction: two tabs with the same link create one administrator.
          const digest = await tx.settings.get(SETUP_TOKEN_SETTING);
          if (typeof digest !== 'string')
            return err(fail('setup_done', 'The setup link was just used.'));
          const user = await tx.users.create(SYSTEM_ACTOR, {
            username: body.username,
            displayName: body.displayName,
            passwordHash,
          });
          if (!user.ok) return user;
          const actor = { userId: user.value.id, label: user.value.username };
          const grant = await tx.users.addGrant(actor, user.value.id, { role: 'administrator' });
          if (!grant.ok) return grant;
          await tx.settings.delete(actor, SETUP_TOKEN_SETTING);
          return ok(user.value);
        });
        if (!created.ok) return created;
        const user = created.value;
        const session = await startSession(deps, c, user, {
          userId: user.id,
          label: user.username,
        });
        if (!session.ok) return session;
        return ok({ user: await userDto(deps.store, user), csrfToken: session.value.csrfToken });
      },
    }),
  ];
}
