import { useState, type FormEvent } from 'react';
import { ROLES } from '@gridwatch/contract';
import type { ApiClient, Role, UserOut } from '../api';
import { fill, localName, useI18n } from '../i18n';
import { queryKey } from '../server-state/query-keys';
import { useApiQuery } from '../server-state/use-api-query';
import { formatInstant } from '../time/format-time';
import { generatePassword } from './generate-password';
import { Modal } from './modal';
import './users.css';

interface Props {
  api: ApiClient;
  /** The admin using the screen: they may not disable or demote themselves (the API refuses it too). */
  me: string;
  onClose: () => void;
}

/** The progress report lists every utility (utility-filter.tsx does the same); its deadline shapes no name. */
const DEADLINE = '2026-08-31';

/** A one-time password just set, shown once: whose it is and the password. */
interface Issued {
  username: string;
  password: string;
}

/**
 * The admins' users screen: every user with their role and state; a new user, a role changed, a user disabled
 * or enabled, a password reset. A new or reset password is made here, shown once and never again.
 */
export function UsersDialog({ api, me, onClose }: Props) {
  const { t, locale } = useI18n();
  const u = t.users;
  const [version, setVersion] = useState(0);
  const users = useApiQuery(queryKey('users', version), (signal) => api.users(signal));
  const [issued, setIssued] = useState<Issued | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = () => setVersion((v) => v + 1);
  const run = (work: Promise<unknown>) => {
    setError(null);
    work.then(reload).catch((e: unknown) => {
      setError(e instanceof Error ? e.message : String(e));
      reload();
    });
  };
  // The version is read again just before a change: the list may be older than the user's last change (their own
  // password, another admin), and a disable or a reset is meant whatever changed meanwhile.
  const current = async (user: UserOut) => (await api.users()).find((x) => x.id === user.id) ?? user;
  const change = (user: UserOut, body: { role?: Role; disabled?: boolean }) =>
    run(current(user).then((fresh) => api.updateUser(user.id, { ...body, version: fresh.version })));
  const reset = (user: UserOut) => {
    // The password shown before (another user's, or this one's last) goes away at once.
    setIssued(null);
    const password = generatePassword();
    run(
      current(user)
        .then((fresh) => api.updateUser(user.id, { password, version: fresh.version }))
        .then(() => setIssued({ username: user.username, password })),
    );
  };

  return (
    <Modal title={u.title} testId="users-dialog" onClose={onClose} wide>
      {issued && (
        <div className="users__issued" role="status" data-testid="one-time-password">
          <p>{fill(u.issued, { username: issued.username })}</p>
          <code data-testid="one-time-password-value">{issued.password}</code>
          <p className="panel-note">{u.issuedNote}</p>
          <button type="button" className="button" onClick={() => setIssued(null)}>
            {u.issuedDone}
          </button>
        </div>
      )}
      {error && (
        <p className="form__problem" role="alert">
          {error}
        </p>
      )}
      <div className="users__scroll">
        <table className="users__table" data-testid="users-table">
          <caption className="visually-hidden">{u.title}</caption>
          <thead>
            <tr>
              <th scope="col">{u.username}</th>
              <th scope="col">{u.role}</th>
              <th scope="col">{u.organisation}</th>
              <th scope="col">{u.state}</th>
              <th scope="col">{u.created}</th>
              <th scope="col">{u.actions}</th>
            </tr>
          </thead>
          <tbody>
            {users.data?.map((user) => (
              <tr key={user.id} data-username={user.username} data-disabled={user.disabled}>
                <th scope="row">{user.username}</th>
                <td>
                  <select
                    aria-label={fill(u.roleOf, { username: user.username })}
                    data-testid="user-role"
                    value={user.role}
                    disabled={user.username === me}
                    onChange={(e) => change(user, { role: e.target.value as Role })}
                  >
                    {rolesFor(user.utilityId).map((role) => (
                      <option key={role} value={role}>
                        {t.roles[role]}
                      </option>
                    ))}
                  </select>
                </td>
                <td data-testid="user-organisation">
                  {user.utilityId === null
                    ? u.regulator
                    : localName({ name: user.utilityName ?? '', nameZh: user.utilityNameZh ?? '' }, locale)}
                </td>
                <td>{user.disabled ? u.disabled : u.active}</td>
                <td>{formatInstant(user.createdAt)}</td>
                <td className="users__actions">
                  <button
                    type="button"
                    className="button button--small"
                    data-testid="user-disable"
                    disabled={user.username === me}
                    onClick={() => change(user, { disabled: !user.disabled })}
                  >
                    {user.disabled ? u.enable : u.disable}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    data-testid="user-reset"
                    onClick={() => reset(user)}
                  >
                    {u.reset}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <NewUserForm
        api={api}
        onCreated={(created) => {
          setIssued(created);
          reload();
        }}
      />
    </Modal>
  );
}

/** A utility's users are viewers or enforcers; a utility has no admins (docs/utilities.md). */
const rolesFor = (utilityId: number | null): readonly Role[] =>
  utilityId === null ? ROLES : ROLES.filter((r) => r !== 'admin');

/** A new user: a name, an organisation and a role; the password is made here and shown once. */
function NewUserForm({ api, onCreated }: { api: ApiClient; onCreated: (issued: Issued) => void }) {
  const { t, locale } = useI18n();
  const u = t.users;
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [utilityId, setUtilityId] = useState<number | null>(null);
  const progress = useApiQuery(queryKey('progress', DEADLINE), (signal) => api.progress(DEADLINE, signal));
  const utilities = (progress.data?.utilities ?? []).flatMap((x) =>
    x.utilityId === null ? [] : [{ id: x.utilityId, name: localName(x, locale) }],
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const password = generatePassword();
    setBusy(true);
    setError(null);
    api
      .createUser({ username: username.trim(), password, role, utilityId })
      .then((user) => {
        setUsername('');
        onCreated({ username: user.username, password });
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };
  return (
    <form className="form users__new" onSubmit={submit} data-testid="user-create">
      <h3 className="panel-section__title">{u.create}</h3>
      <label>
        {u.username}
        <input
          data-testid="user-new-name"
          autoComplete="off"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          pattern="[A-Za-z0-9._\-]{2,64}"
          required
        />
      </label>
      <label>
        {u.organisation}
        <select
          data-testid="org-select"
          value={utilityId ?? ''}
          onChange={(e) => {
            const next = e.target.value ? Number(e.target.value) : null;
            setUtilityId(next);
            if (next !== null && role === 'admin') setRole('viewer');
          }}
        >
          <option value="">{u.regulator}</option>
          {utilities.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {u.role}
        <select data-testid="user-new-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {rolesFor(utilityId).map((r) => (
            <option key={r} value={r}>
              {t.roles[r]}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p className="form__problem" role="alert">
          {error}
        </p>
      )}
      <button
        type="submit"
        className="button button--primary"
        data-testid="user-new-submit"
        disabled={busy || !username.trim()}
      >
        {u.createButton}
      </button>
    </form>
  );
}
