// The signed-in user for the whole app: loaded from GET /api/auth/session, which also gives the CSRF token.

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { onSignedOut, setCsrfToken } from './api/client.js';
import { api } from './api/endpoints.js';
import type { SessionDto, UserDto } from './api/types.js';

/** What useSession() gives. */
export interface SessionState {
  /** undefined while loading; null when signed out. */
  readonly user: UserDto | null | undefined;
  /** Takes a session answer (login, setup) as the current one. */
  readonly accept: (session: SessionDto) => void;
  readonly refresh: () => Promise<void>;
  readonly logout: () => Promise<void>;
}

const Context = createContext<SessionState | null>(null);

/** The booth page (/booth/:id) of routes.tsx. */
const BOOTH_PAGE = /^\/booth(\/|$)/;

/** Loads the session once and shares it. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<UserDto | null | undefined>(undefined);
  const accept = useCallback((session: SessionDto) => {
    setCsrfToken(session.csrfToken);
    setUser(session.user);
  }, []);
  const refresh = useCallback(async () => {
    const session = await api.session();
    if (session.ok) accept(session.value);
    else setUser(null);
  }, [accept]);
  const logout = useCallback(async () => {
    await api.logout();
    setCsrfToken('anonymous');
    setUser(null);
  }, []);
  useEffect(() => {
    // The booth asks nothing about the session (the server reads none there, booth-paths.ts): loading
    // it would record a signed-in voter's activity at the moment they open the booth.
    if (BOOTH_PAGE.test(location.pathname)) setUser(null);
    else void refresh();
  }, [refresh]);
  useEffect(
    () =>
      onSignedOut(() => {
        setCsrfToken('anonymous');
        setUser(null);
      }),
    [],
  );
  const value = useMemo(() => ({ user, accept, refresh, logout }), [user, accept, refresh, logout]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The session of the app. */
export function useSession(): SessionState {
  const value = useContext(Context);
  if (value === null) throw new Error('useSession() outside <SessionProvider>');
  return value;
}

/** Roles of a user, each once. */
export function rolesOf(user: UserDto | null | undefined): Set<string> {
  return new Set((user?.grants ?? []).map((g) => g.role));
}

/** Whether the user may prepare rounds (administrator or organiser). */
export function canOrganise(user: UserDto | null | undefined): boolean {
  const roles = rolesOf(user);
  return roles.has('administrator') || roles.has('organiser');
}
