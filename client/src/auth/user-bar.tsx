import type { Me } from '../api';
import { useI18n } from '../i18n';

interface Props {
  user: Me | null;
  onLogout: () => void;
  onLogin: () => void;
  /** Changes one's own password. */
  onPassword?: () => void;
  /** Admins: the users screen. */
  onUsers?: (() => void) | null;
}

/** Who is logged in and as what, with the way out; or, reading a public deployment, the way in. */
export function UserBar({ user, onLogout, onLogin, onPassword, onUsers }: Props) {
  const { t, locale } = useI18n();
  if (!user) {
    return (
      <div className="user-bar" data-testid="user-bar">
        <span className="user-bar__who">{t.auth.readOnly}</span>
        <button type="button" className="button" data-testid="login-open" onClick={onLogin}>
          {t.auth.login}
        </button>
      </div>
    );
  }
  return (
    <div className="user-bar" data-testid="user-bar" data-role={user.role}>
      <span className="user-bar__who">
        <strong data-testid="user-name">{user.username}</strong>
        <span className="user-bar__role">{t.roles[user.role]}</span>
        {/* The organisation: what the user sees is its utility's alone (docs/utilities.md). */}
        <span className="user-bar__org" data-testid="user-organisation" data-utility={user.utilityId ?? ''}>
          {user.utilityId === null
            ? t.reports.regulatorShort
            : ((locale === 'zh' ? user.utilityNameZh : user.utilityName) ?? '')}
        </span>
      </span>
      <span className="user-bar__actions">
        {onUsers && (
          <button type="button" className="button" data-testid="users-open" onClick={onUsers}>
            {t.users.open}
          </button>
        )}
        {onPassword && (
          <button type="button" className="button" data-testid="password-open" onClick={onPassword}>
            {t.users.passwordButton}
          </button>
        )}
        <button type="button" className="button" data-testid="logout" onClick={onLogout}>
          {t.auth.logout}
        </button>
      </span>
    </div>
  );
}
