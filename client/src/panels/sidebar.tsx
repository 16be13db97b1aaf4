import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { Shortcuts } from '../shortcuts/shortcuts';
import { LanguageSwitch } from './language-switch';

/** The panel beside the map (a bottom sheet on a phone): the app's name, who is using it, then the sections it is given. */
export function Sidebar({
  user,
  children,
  onClose,
}: {
  user: ReactNode;
  children: ReactNode;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <aside className="sidebar" id="app-panel" data-testid="app-panel" aria-label={t.layout.panel}>
      <header className="sidebar__header">
        <div>
          <h1 className="sidebar__title">{t.appTitle}</h1>
          <p className="sidebar__subtitle">{t.appSubtitle}</p>
        </div>
        <div className="sidebar__tools">
          <LanguageSwitch />
          <Shortcuts />
          <button
            type="button"
            className="floating-panel__close sidebar__close"
            data-testid="panel-close"
            aria-label={t.layout.hidePanel}
            onClick={onClose}
          >
            ×
          </button>
        </div>
      </header>
      {user}
      {children}
    </aside>
  );
}
