import type { ApiClient } from '../api';
import { useI18n } from '../i18n';
import { useSelect } from '../selection/use-selection';
import { SiteDetails } from './site-details';

interface Props {
  api: ApiClient;
  siteId: number;
  canChangeStatus: boolean;
  canRetire: boolean;
}

/**
 * The selected site's panel: its details, the status form with its evidence, retiring, and the history. Beside
 * the map on a wide screen, a bottom sheet on a phone (app.css); the map's popup only previews the site.
 */
export function SitePanel({ api, siteId, canChangeStatus, canRetire }: Props) {
  const { t } = useI18n();
  const select = useSelect();
  return (
    <aside
      className="floating-panel side-sheet site-panel"
      data-testid="site-panel"
      aria-labelledby="site-panel-title"
    >
      <header className="floating-panel__header side-sheet__header">
        <h2 id="site-panel-title" className="panel-section__title">
          {t.layout.sitePanel}
        </h2>
        <button
          type="button"
          className="floating-panel__close"
          data-testid="site-panel-close"
          aria-label={t.close}
          onClick={select.closePopup}
        >
          ×
        </button>
      </header>
      <SiteDetails api={api} siteId={siteId} canChangeStatus={canChangeStatus} canRetire={canRetire} />
    </aside>
  );
}
