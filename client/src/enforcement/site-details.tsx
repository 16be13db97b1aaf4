import { useState } from 'react';
import type { ApiClient } from '../api';
import { useI18n } from '../i18n';
import { FeatureDetails } from '../panels/feature-details';
import { useFeature } from '../panels/use-feature';
import { SiteHistory } from './site-history';
import { StatusForm } from './status-form';

interface Props {
  api: ApiClient;
  siteId: number;
  canChangeStatus: boolean;
  /** A status was recorded: the map's colours and the zone numbers are stale. */
  onStatusChanged: () => void;
}

/** A site's popup: its attributes, the status form for those who may use it, and its history. */
export function SiteDetails({ api, siteId, canChangeStatus, onStatusChanged }: Props) {
  const { t } = useI18n();
  const [revision, setRevision] = useState(0);
  const [conflict, setConflict] = useState(false);
  const site = useFeature(api, 'sites', siteId, revision);
  const reload = () => setRevision((r) => r + 1);
  return (
    <div className="site-details">
      <FeatureDetails api={api} layer="sites" id={siteId} revision={revision} />
      {conflict && (
        <p className="panel-note panel-note--error" role="alert" data-testid="status-conflict">
          {t.status.conflict}
        </p>
      )}
      {canChangeStatus && site.state === 'loaded' && site.selected.layer === 'sites' && (
        <StatusForm
          key={`${siteId}/${revision}`}
          api={api}
          site={site.selected.feature}
          onChanged={() => {
            setConflict(false);
            reload();
            onStatusChanged();
          }}
          onConflict={() => {
            setConflict(true);
            reload();
          }}
        />
      )}
      <SiteHistory api={api} siteId={siteId} revision={revision} />
    </div>
  );
}
