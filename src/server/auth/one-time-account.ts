// Accounts the organiser gives to a voter or a person voted on: one grant, a random password shown once.

import { z } from 'zod';
import type { Grant } from '../../core/model/index.js';
import { ok } from '../../rules/index.js';
import type { StoreResult } from '../../store/index.js';
import { actorOf, type AppDeps } from '../deps.js';
import { ID } from '../routes/schemas.js';
import { hashPassword } from './password.js';
import type { Principal } from './principal.js';

/** The answer: the new account's name and password, shown once (only the scrypt hash is stored). */
export const ONE_TIME_ACCOUNT = z
  .object({ userId: ID, username: z.string(), password: z.string() })
  .meta({ id: 'OneTimeAccount' });

/** The answer's type. */
export type OneTimeAccount = z.infer<typeof ONE_TIME_ACCOUNT>;

/**
 * Creates `<prefix>-<12 hex>` with `grant` and a 96-bit random password (base64url), in one transaction.
 * The password is returned once to the organiser, who hands it over (printed invitation, in person).
 */
export async function createOneTimeAccount(
  deps: AppDeps,
  principal: Principal | null,
  prefix: string,
  displayName: string,
  grant: Grant,
): Promise<StoreResult<OneTimeAccount>> {
  const actor = actorOf(principal);
  const username = `${prefix}-${Buffer.from(deps.random(6)).toString('hex')}`;
  const password = Buffer.from(deps.random(12)).toString('base64url');
  const passwordHash = await hashPassword(password, deps.random);
  const created = await deps.store.transaction(async (tx) => {
    const user = await tx.users.create(actor, { username, displayName, passwordHash });
    if (!user.ok) return user;
    const added = await tx.users.addGrant(actor, user.value.id, grant);
    return added.ok ? user : added;
  });
  return created.ok ? ok({ userId: created.value.id, username, password }) : created;
}
