import { useState } from 'react';
import { createApiClient } from './api';
import { App } from './app';
import { LoginPage } from './auth/login-page';
import { createUnauthorizedSignal } from './auth/unauthorized-signal';
import { useSession } from './auth/use-session';
import { useI18n } from './i18n';

/** The login page or the map, by the session; any 401 of the API on the way brings the login page back. */
export function Root() {
  const { t } = useI18n();
  const [{ api, unauthorized }] = useState(() => {
    const signal = createUnauthorizedSignal();
    return { api: createApiClient(undefined, signal.notify), unauthorized: signal };
  });
  const { session, loggedIn, logout, showLogin } = useSession(api, unauthorized);
  if (session.state === 'checking') return <p className="panel-note">{t.loading}</p>;
  if (session.state === 'login')
    return <LoginPage api={api} onLoggedIn={loggedIn} expired={session.expired} />;
  return (
    <App
      // Another user gets a fresh app: nothing the previous one had open or half-drawn.
      key={session.user?.username ?? ''}
      api={api}
      user={session.user}
      onLogout={logout}
      onLogin={showLogin}
    />
  );
}
