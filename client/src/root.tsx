import { lazy, Suspense, useState } from 'react';
import { createApiClient } from './api';
import { LoginPage } from './auth/login-page';
import { createUnauthorizedSignal } from './auth/unauthorized-signal';
import { useSession } from './auth/use-session';
import { useI18n } from './i18n';
import { withOfflineAnswers } from './offline/offline-fetch';
import { ServerStateProvider } from './server-state/server-state';

// The map and everything on it are a chunk of their own: the login page loads without them (docs/ui.md).
const App = lazy(() => import('./app').then((m) => ({ default: m.App })));

/** The login page or the map, by the session; any 401 of the API on the way brings the login page back. */
export function Root() {
  const { t } = useI18n();
  const [{ api, unauthorized }] = useState(() => {
    const signal = createUnauthorizedSignal();
    // Offline, what the saved areas can answer is answered from them (offline/offline-fetch.ts).
    const fetchFn = withOfflineAnswers((input, init) => fetch(input, init));
    return { api: createApiClient(fetchFn, signal.notify), unauthorized: signal };
  });
  const { session, loggedIn, logout, showLogin } = useSession(api, unauthorized);
  if (session.state === 'checking') return <p className="panel-note">{t.loading}</p>;
  if (session.state === 'login')
    return <LoginPage api={api} onLoggedIn={loggedIn} expired={session.expired} />;
  return (
    // Another user gets a fresh app and an empty cache: nothing the previous one had open, half-drawn or read.
    <ServerStateProvider key={session.user?.username ?? ''}>
      <Suspense fallback={<p className="panel-note">{t.loading}</p>}>
        <App api={api} user={session.user} onLogout={logout} onLogin={showLogin} />
      </Suspense>
    </ServerStateProvider>
  );
}
