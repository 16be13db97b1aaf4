import { useCallback, useEffect, useState } from 'react';
import { ApiError, type ApiClient, type Me } from '../api';
import type { UnauthorizedSignal } from './unauthorized-signal';

export type Session =
  | { state: 'checking' }
  | { state: 'login'; expired: boolean }
  /** `user` is null for nobody logged in on a deployment with public reading. */
  | { state: 'in'; user: Me | null };

/**
 * Who is using the app: asks the API on load, and falls back to the login page on any later 401 (the client's
 * `onUnauthorized`, which notifies `unauthorized`). Without a session the map still opens when the API lets anyone
 * read.
 */
export function useSession(api: ApiClient, unauthorized: UnauthorizedSignal) {
  const [session, setSession] = useState<Session>({ state: 'checking' });

  useEffect(
    () =>
      unauthorized.subscribe(() =>
        setSession((s) => (s.state === 'login' ? s : { state: 'login', expired: s.state === 'in' })),
      ),
    [unauthorized],
  );

  useEffect(() => {
    let current = true;
    const settle = (next: Session) => current && setSession(next);
    api
      .me()
      .then((user) => settle({ state: 'in', user }))
      .catch(async (error: unknown) => {
        if (!(error instanceof ApiError) || error.status !== 401) throw error;
        // Not logged in: the map opens read-only if the API answers a read anyway (GRIDWATCH_PUBLIC_READ).
        await api.layers();
        settle({ state: 'in', user: null });
      })
      .catch(() => settle({ state: 'login', expired: false }));
    return () => {
      current = false;
    };
  }, [api]);

  return {
    session,
    loggedIn: useCallback((user: Me) => setSession({ state: 'in', user }), []),
    showLogin: useCallback(() => setSession({ state: 'login', expired: false }), []),
    logout: useCallback(() => {
      void api
        .logout()
        .catch(() => undefined)
        .then(() => setSession({ state: 'login', expired: false }));
    }, [api]),
  };
}
