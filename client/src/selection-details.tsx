import type { ApiClient } from './api';
import { AnalysisViewsState } from './app-state';
import { useI18n } from './i18n';
import { FeatureDetails } from './panels/feature-details';
import { choroplethRows } from './panels/region-load-rows';
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
  const { t, locale } = useI18n();
  const { regionLoads } = AnalysisViewsState.useValue().overlay;
  // Zones and substations open their own panels, never a popup.
  if (popup.layer === 'zones') return null;
  // With the choropleth on, a prefecture's popup says first what coloured it.
  const leadRows =
    popup.layer === 'regions' && regionLoads ? choroplethRows(regionLoads.get(popup.id), t, locale) : [];
  return (
    <FeatureDetails
      api={api}
      layer={popup.layer}
      id={popup.id}
      limit={popup.layer === 'sites' ? 4 : undefined}
      leadRows={leadRows}
    />
  );
}
