import { useState, type FormEvent } from 'react';
import { ApiError, type ApiClient, type Me } from '../api';
import { useI18n } from '../i18n';
import { LanguageSwitch } from '../panels/language-switch';
import './login-page.css';

interface Props {
  api: ApiClient;
  onLoggedIn: (user: Me) => void;
  /** The session ended under the user (a 401 after logging in): say so, rather than just showing the form. */
  expired: boolean;
}

/** The login form; the API's own message is shown on a refusal (wrong password, too many attempts). */
export function LoginPage({ api, onLoggedIn, expired }: Props) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    api
      .login(username, password)
      .then(onLoggedIn)
      .catch((e: unknown) => {
        setError(e instanceof ApiError ? e.message : String(e));
        setBusy(false);
      });
  };

  return (
    <main className="login-page">
      <form className="login-page__form" onSubmit={submit}>
        <header className="login-page__header">
          <div>
            <h1 className="sidebar__title">{t.appTitle}</h1>
            <p className="sidebar__subtitle">{t.appSubtitle}</p>
          </div>
          <LanguageSwitch />
        </header>
        {expired && <p className="login-page__notice">{t.auth.expired}</p>}
        <label>
          {t.auth.username}
          <input
            data-testid="login-username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </label>
        <label>
          {t.auth.password}
          <input
            data-testid="login-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <p className="login-page__error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" data-testid="login-submit" disabled={busy || !username || !password}>
          {t.auth.login}
        </button>
        <p className="login-page__hint" data-testid="login-hint">
          {t.auth.firstPassword}
        </p>
      </form>
    </main>
  );
}
