// Sign in, sign out, the current session (with its CSRF token), and changing one's own password.

import { z } from 'zod';
import { err, ok } from '../../rules/index.js';
import { dummyHash, hashPassword, verifyPassword } from '../auth/password.js';
import { publicRoute, requireRole } from '../auth/policy.js';
import { ROLES } from '../auth/principal.js';
import { clearSessionCookie } from '../auth/session-cookie.js';
import { startSession } from '../auth/sessions.js';
import { userDto } from '../auth/users.js';
import { actorOf, type AppDeps } from '../deps.js';
import { fail } from '../errors.js';
import { ANONYMOUS_CSRF } from '../http/csrf.js';
import { defineRoute, type Route } from '../http/route.js';
import { OK, PASSWORD, USER } from './schemas.js';

const SESSION = z.object({
  user: USER.nullable(),
  csrfToken: z
    .string()
    .describe('Send it as X-CSRF-Token on every non-GET request ("anonymous" when signed out).'),
});

/** The auth routes. */
export function authRoutes(deps: AppDeps): Route[] {
  let dummy: Promise<string> | null = null;
  return [
    defineRoute({
      method: 'get',
      path: '/api/auth/session',
      tag: 'auth',
      summary: 'The signed-in user (or null) and the CSRF token to send',
      response: SESSION,
      authorize: publicRoute,
      handler: async ({ principal }) => {
        if (principal === null) return ok({ user: null, csrfToken: ANONYMOUS_CSRF });
        const user = await deps.store.users.get(principal.userId);
        if (user === null) return ok({ user: null, csrfToken: ANONYMOUS_CSRF });
        return ok({ user: await userDto(deps.store, user), csrfToken: principal.csrfToken });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/login',
      tag: 'auth',
      summary: 'Sign in (Đăng nhập); rate-limited per IP and account',
      body: {
        kind: 'json',
        schema: z.object({
          username: z.string().trim().toLowerCase().max(64),
          password: z.string().max(256),
        }),
      },
      response: SESSION.extend({ user: USER }),
      authorize: publicRoute,
      handler: async ({ body, clientIp, c }) => {
        const now = Date.parse(deps.clock.now());
        // Per account from this address, and (five times looser) the failures of the whole address:
        // a room behind one Wi-Fi router signs hundreds of voters in from one address.
        const addressKey = `login-ip|${clientIp}`;
        const wait = Math.max(
          deps.loginLimiter.hit(`login|${clientIp}|${body.username}`, now),
          deps.loginLimiter.peek(addressKey, now, 5),
        );
        if (wait > 0) {
          c.header('Retry-After', String(wait));
          return err(
            fail('rate_limited', `Too many sign-in attempts; try again in ${wait} seconds.`),
          );
        }
        const user = await deps.store.users.getByUsername(body.username);
        const invalid = () => {
          deps.loginLimiter.hit(addressKey, now, 5);
          return err(fail('invalid_credentials', 'Wrong username or password.'));
        };
        if (user === null || user.disabled || user.passwordHash === null) {
          // Same work as a real check, so the answer time does not tell which usernames exist.
          await verifyPassword(body.password, await (dummy ??= dummyHash(deps.random)));
          return invalid();
        }
        if (!(await verifyPassword(body.password, user.passwordHash))) return invalid();
        deps.loginLimiter.reset(`login|${clientIp}|${body.username}`);
        const session = await startSession(deps, c, user, {
          userId: user.id,
          label: user.username,
        });
        if (!session.ok) return session;
        return ok({ user: await userDto(deps.store, user), csrfToken: session.value.csrfToken });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/logout',
      tag: 'auth',
      summary: 'Sign out (Đăng xuất): ends this session',
      response: OK,
      authorize: publicRoute,
      handler: async ({ principal, c }) => {
        if (principal !== null)
          await deps.store.sessions.delete(actorOf(principal), principal.sessionId);
        clearSessionCookie(c, deps.config.secureCookies);
        return ok({ ok: true as const });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/password',
      tag: 'auth',
      summary: 'Change my password (Đổi mật khẩu)',
      body: {
        kind: 'json',
        schema: z.object({ currentPassword: z.string().max(256), newPassword: PASSWORD }),
      },
      response: OK,
      authorize: requireRole(ROLES),
      handler: async ({ body, principal, c }) => {
        // A stolen session must not become a way to guess the password: same limit as sign-in.
        const key = `password|${principal?.userId ?? ''}`;
        const wait = deps.loginLimiter.hit(key, Date.parse(deps.clock.now()));
        if (wait > 0) {
          c.header('Retry-After', String(wait));
          return err(fail('rate_limited', `Too many attempts; try again in ${wait} seconds.`));
        }
        const user = principal && (await deps.store.users.get(principal.userId));
        if (
          !user ||
          user.passwordHash === null ||
          !(await verifyPassword(body.currentPassword, user.passwordHash))
        ) {
          return err(
            fail('invalid_credentials', 'The current password is wrong.', 'currentPassword'),
          );
        }
        const actor = actorOf(principal);
        const updated = await deps.store.users.update(actor, user.id, {
          passwordHash: await hashPassword(body.newPassword, deps.random),
        });
        if (!updated.ok) return updated;
        deps.loginLimiter.reset(key);
        return ok({ ok: true as const });
      },
    }),
  ];
}
