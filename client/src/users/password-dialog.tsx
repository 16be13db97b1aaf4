import { useState, type FormEvent } from 'react';
import type { ApiClient } from '../api';
import { useI18n } from '../i18n';
import { Modal } from './modal';

/** Every user changes their own password, giving the current one; their other sessions end (the API's rule). */
export function PasswordDialog({ api, onClose }: { api: ApiClient; onClose: () => void }) {
  const { t } = useI18n();
  const u = t.users;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const mismatch = again !== '' && again !== next;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    api
      .changePassword(current, next)
      .then(() => setDone(true))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };
  return (
    <Modal title={u.changePassword} testId="password-dialog" onClose={onClose}>
      {done ? (
        <p className="panel-note" role="status" data-testid="password-changed">
          {u.passwordChanged}
        </p>
      ) : (
        <form className="form" onSubmit={submit}>
          <label>
            {u.currentPassword}
            <input
              type="password"
              autoComplete="current-password"
              data-testid="password-current"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
              required
            />
          </label>
          <label>
            {u.newPassword}
            <input
              type="password"
              autoComplete="new-password"
              data-testid="password-new"
              minLength={12}
              value={next}
              onChange={(e) => setNext(e.target.value)}
              required
            />
          </label>
          <label>
            {u.repeatPassword}
            <input
              type="password"
              autoComplete="new-password"
              data-testid="password-repeat"
              value={again}
              onChange={(e) => setAgain(e.target.value)}
              required
            />
          </label>
          <p className="panel-note">{u.passwordRules}</p>
          {mismatch && <p className="form__problem">{u.mismatch}</p>}
          {error && (
            <p className="form__problem" role="alert">
              {error}
            </p>
          )}
          <button
            type="submit"
            className="button button--primary"
            data-testid="password-submit"
            disabled={busy || !current || next.length < 12 || next !== again}
          >
            {u.changePassword}
          </button>
        </form>
      )}
    </Modal>
  );
}
