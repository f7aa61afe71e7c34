// The one-time setup token of a first start: random, only its digest kept (in settings), gone once used.

import { SYSTEM_ACTOR } from '../../core/model/index.js';
import type { AppDeps } from '../deps.js';
import { newToken, safeEqual, tokenDigest } from './tokens.js';

/** Settings key holding the digest of the current setup token. */
export const SETUP_TOKEN_SETTING = 'server.setup-token-digest';

/** Makes a new setup token (any earlier one stops working) and returns it for the console, once. */
export async function issueSetupToken(deps: Pick<AppDeps, 'store' | 'random'>): Promise<string> {
  const token = newToken(deps.random);
  await deps.store.settings.set(SYSTEM_ACTOR, SETUP_TOKEN_SETTING, tokenDigest(token));
  return token;
}

/** Whether `token` is the pending setup token (constant-time comparison of digests). */
export async function setupTokenMatches(
  deps: Pick<AppDeps, 'store'>,
  token: string,
): Promise<boolean> {
  const digest = await deps.store.settings.get(SETUP_TOKEN_SETTING);
  return typeof digest === 'string' && safeEqual(tokenDigest(token), digest);
}
