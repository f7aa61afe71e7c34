// The Hono environment of the app: what middleware puts on the context for the routes.

import type { Principal } from '../auth/principal.js';

/** Context variables: the signed-in principal (null = anonymous) and the client address. */
export interface AppEnv {
  Variables: {
    principal: Principal | null;
    clientIp: string;
    /** The request carried a session cookie that is no longer valid (expired, signed out, disabled). */
    sessionEnded: boolean;
  };
}
