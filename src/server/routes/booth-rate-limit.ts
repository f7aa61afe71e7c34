// Rate limit of the booth's submissions (issue 8 §5): ballots cast and audited, per client address and
// conference, sized for a whole room behind one Wi-Fi router; applied to the routes from outside them.

import { createRateLimiter } from '../auth/rate-limiter.js';
import type { AppDeps } from '../deps.js';
import { rateLimited } from '../http/rate-limited-route.js';
import type { Route } from '../http/route.js';

/** The routes limited: POST …/election/ballots and …/election/audits (one budget for both). */
const SUBMISSION = /^\/api\/public\/conferences\/\{conferenceId\}\/election\/(ballots|audits)$/;

/**
 * How many conferences' budgets one address may use at once. A building runs a few conferences at a
 * time behind one router (the load bench: 50 from loopback); inventing conference ids gains no more.
 */
export const ADDRESS_SCALE = 20;

/**
 * Wraps the booth's submission routes with the limit `config.ballotsPerMinute` per address and
 * conference (and ADDRESS_SCALE times that per address). The key is the address, never the credential
 * or anything of the ballot: the limiter's memory must not pair an address with a ballot. Legitimate
 * traffic is bounded by the slips (one ballot each, a retry, an audit), so the default of 1000 a minute
 * lets a room of 500 behind one NAT cast all at once, twice over, while one address flooding proofs to
 * check is held to about 17 a second per conference.
 */
export function limitBoothSubmissions(routes: readonly Route[], deps: AppDeps): Route[] {
  const limiter = createRateLimiter(deps.config.ballotsPerMinute, 60);
  return routes.map((route) =>
    route.method === 'post' && SUBMISSION.test(route.path)
      ? rateLimited(route, {
          limiter,
          keys: (c) => {
            const ip = c.get('clientIp');
            return [
              { key: `booth-address|${ip}`, scale: ADDRESS_SCALE },
              { key: `booth|${ip}|${c.req.param('conferenceId') ?? ''}` },
            ];
          },
          now: () => Date.parse(deps.clock.now()),
          message: 'Too many ballots from this address',
        })
      : route,
  );
}
