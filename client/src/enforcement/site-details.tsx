import { useState } from 'react';
import type { ApiClient } from '../api';
import { useI18n } from '../i18n';
import { FeatureDetails } from '../panels/feature-details';
import { useFeature } from '../panels/use-feature';
import { useDataWritten } from '../server-state/use-data-written';
import { useSelect } from '../selection/use-selection';
import { RetireForm } from './retire-form';
import { SiteHistory } from './site-history';
import { StatusForm } from './status-form';

interface Props {
  api: ApiClient;
  siteId: number;
  canChangeStatus: boolean;
  /** Admins may retire a wrong site. */
  canRetire: boolean;
}

/** A site's popup: its attributes, the status form and retiring for those who may use them, and its history. */
export function SiteDetails({ api, siteId, canChangeStatus, canRetire }: Props) {
  const select = useSelect();
  const { t } = useI18n();
  const [conflict, setConflict] = useState(false);
  const site = useFeature(api, 'sites', siteId);
  // A status recorded here or by someone else (the conflict): the site, its history, the map's colours and every
  // number computed from statuses are stale.
  const written = useDataWritten();
  return (
    <div className="site-details">
      <FeatureDetails api={api} layer="sites" id={siteId} />
      {conflict && (
        <p className="panel-note panel-note--error" role="alert" data-testid="status-conflict">
          {t.status.conflict}
        </p>
      )}
      {canChangeStatus && site.state === 'loaded' && site.selected.layer === 'sites' && (
        <StatusForm
          // A new version (after a write) starts an empty form.
          key={`${siteId}/${site.selected.feature.properties.version}`}
          api={api}
          site={site.selected.feature}
          onChanged={() => {
            setConflict(false);
            written('sites');
          }}
          onConflict={() => {
            setConflict(true);
            written('sites');
          }}
        />
      )}
      {canRetire && site.state === 'loaded' && site.selected.layer === 'sites' && (
        <RetireForm
          key={`${siteId}/${site.selected.feature.properties.version}`}
          api={api}
          site={site.selected.feature}
          onRetired={() => {
            written('sites');
            select.closePopup();
          }}
          onConflict={() => {
            setConflict(true);
            written('sites');
          }}
        />
      )}
      <SiteHistory api={api} siteId={siteId} />
    </div>
  );
}
