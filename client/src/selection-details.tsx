import type { ApiClient } from './api';
import { SiteDetails } from './enforcement/site-details';
import type { MapClick } from './map';
import { FeatureDetails } from './panels/feature-details';

interface Props {
  api: ApiClient;
  selection: MapClick;
  canChangeStatus: boolean;
  onStatusChanged: () => void;
}

/** What the popup of a clicked feature holds: a site's details and workflow, or another feature's attributes. */
export function SelectionDetails({ api, selection, canChangeStatus, onStatusChanged }: Props) {
  if (selection.layer === 'sites') {
    return (
      <SiteDetails
        api={api}
        siteId={selection.id}
        canChangeStatus={canChangeStatus}
        onStatusChanged={onStatusChanged}
      />
    );
  }
  // Zones open their own panel, never a popup.
  if (selection.layer === 'zones') return null;
  return <FeatureDetails api={api} layer={selection.layer} id={selection.id} />;
}
