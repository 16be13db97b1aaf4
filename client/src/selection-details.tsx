import type { ApiClient } from './api';
import { SiteDetails } from './enforcement/site-details';
import { FeatureDetails } from './panels/feature-details';
import type { Choice } from './selection/selection';

interface Props {
  api: ApiClient;
  popup: Choice;
  canChangeStatus: boolean;
  canRetire: boolean;
}

/** What the popup of a chosen feature holds: a site's details and workflow, or another feature's attributes. */
export function SelectionDetails({ api, popup, canChangeStatus, canRetire }: Props) {
  if (popup.layer === 'sites') {
    return (
      <SiteDetails api={api} siteId={popup.id} canChangeStatus={canChangeStatus} canRetire={canRetire} />
    );
  }
  // Zones and substations open their own panels, never a popup.
  if (popup.layer === 'zones') return null;
  return <FeatureDetails api={api} layer={popup.layer} id={popup.id} />;
}
