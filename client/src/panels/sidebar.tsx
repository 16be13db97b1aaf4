import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { Shortcuts } from '../shortcuts/shortcuts';
import { LanguageSwitch } from './language-switch';

/** The panel beside the map: the app's name, who is using it, then the sections it is given. */
export function Sidebar({ user, children }: { user: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <aside className="sidebar">
      <header className="sidebar__header">
        <div>
          <h1 className="sidebar__title">{t.appTitle}</h1>
          <p className="sidebar__subtitle">{t.appSubtitle}</p>
        </div>
        <div className="sidebar__tools">
          <LanguageSwitch />
          <Shortcuts />
        </div>
      </header>
      {user}
      {children}
    </aside>
  );
}
