import { useCallback, useEffect, useState } from 'react';
import type { ApiClient, Me } from '../api';
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
    // One question that answers 200 either way: a first visit logs no failed request.
    api
      .session()
      .then(({ user, publicRead }) => {
        if (user) settle({ state: 'in', user });
        // Not logged in: the map opens read-only if the API lets anyone read (GRIDWATCH_PUBLIC_READ).
        else if (publicRead) settle({ state: 'in', user: null });
        else settle({ state: 'login', expired: false });
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
