import { useState } from 'react';
import type { ApiClient } from '../api';
import { useSessionUser } from '../app-state';
import { useI18n } from '../i18n';
import { useMyQueue } from '../offline/queue/offline-queue';
import { SitePending } from '../offline/queue/site-pending';
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
  const [queued, setQueued] = useState(false);
  const username = useSessionUser().user?.username ?? null;
  // A change of this site waiting in the offline queue: shown, and the form waits for it (one at a time, so that
  // each is made against the status the crew saw).
  const waiting = useMyQueue(username).filter((c) => c.siteId === siteId);
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
      {queued && waiting.length > 0 && (
        <p className="panel-note" role="status" data-testid="status-queued">
          {t.queue.queued}
        </p>
      )}
      {waiting.map((change) => (
        <SitePending key={change.id} api={api} change={change} />
      ))}
      {canChangeStatus &&
        username &&
        waiting.length === 0 &&
        site.state === 'loaded' &&
        site.selected.layer === 'sites' && (
          <StatusForm
            // A new version (after a write) starts an empty form. Its key differs from the retire form's: siblings
            // with one key make React lose the old status form on a re-render, which then stays in the page, dead.
            key={`status/${siteId}/${site.selected.feature.properties.version}`}
            api={api}
            site={site.selected.feature}
            username={username}
            onChanged={() => {
              setConflict(false);
              written('sites');
            }}
            onQueued={() => {
              setConflict(false);
              setQueued(true);
            }}
            onConflict={() => {
              setConflict(true);
              written('sites');
            }}
          />
        )}
      {canRetire && site.state === 'loaded' && site.selected.layer === 'sites' && (
        <RetireForm
          key={`retire/${siteId}/${site.selected.feature.properties.version}`}
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
