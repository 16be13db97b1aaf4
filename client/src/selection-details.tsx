import type { ApiClient } from './api';
import { FeatureDetails } from './panels/feature-details';
import type { Choice } from './selection/selection';

interface Props {
  api: ApiClient;
  popup: Choice;
}

/**
 * What the popup of a chosen feature holds: its attributes, a short preview. A site's workflow (status form,
 * evidence, history) is in the site panel (enforcement/site-panel.tsx), never in the popup.
 */
export function SelectionDetails({ api, popup }: Props) {
  // Zones and substations open their own panels, never a popup.
  if (popup.layer === 'zones') return null;
  return (
    <FeatureDetails
      api={api}
      layer={popup.layer}
      id={popup.id}
      limit={popup.layer === 'sites' ? 4 : undefined}
    />
  );
}
