import type { ApiClient, ApiFeature } from '../api';
import { fill, useI18n } from '../i18n';
import { DRAW_SHAPES } from '../map/zone-editor/draw-shapes';
import { useSelect } from '../selection/use-selection';
import { useApiQuery } from '../server-state/use-api-query';
import { queryKey } from '../server-state/query-keys';
import { firstLayerQuery } from '../map/data-loader';
import type { ZoneWorkflow } from './use-zone-workflow';

interface Props {
  api: ApiClient;
  workflow: ZoneWorkflow;
  canEdit: boolean;
}

/** The inspection zones, as the API lists them, and (for enforcers) the buttons that draw a new one. */
export function ZonesSection({ api, workflow, canEdit }: Props) {
  const { t } = useI18n();
  const select = useSelect();
  // The map's own question (map/data-loader.ts): the cache answers both with one request.
  const query = firstLayerQuery('zones');
  const zones = useApiQuery(queryKey('layer', 'zones', query), (signal) => api.layer('zones', query, signal));
  return (
    <section className="panel-section" aria-labelledby="zones-title" data-testid="zones-section">
      <h2 id="zones-title" className="panel-section__title">
        {t.zones.title}
      </h2>
      {canEdit && (
        <div className="zone-draw" role="group" aria-label={t.zones.draw}>
          {DRAW_SHAPES.map((shape) => (
            <button
              key={shape}
              type="button"
              className="button"
              data-testid={`zone-draw-${shape}`}
              aria-pressed={
                workflow.editing?.request.kind === 'draw' && workflow.editing.request.shape === shape
              }
              onClick={() => workflow.startDraw(shape)}
            >
              {t.zoneShapes[shape]}
            </button>
          ))}
        </div>
      )}
      {zones.error && (
        <p className="panel-note panel-note--error">
          {fill(t.loadFailed, { what: t.zones.title, message: zones.error.message })}
        </p>
      )}
      {zones.data?.features.length === 0 && <p className="panel-note">{t.zones.empty}</p>}
      <ul className="zone-list" data-testid="zone-list">
        {zones.data?.features.map((zone: ApiFeature<'zones'>) => (
          <li key={zone.id}>
            <button
              type="button"
              className="zone-list__row"
              data-zone-id={zone.id}
              aria-pressed={workflow.selected === zone.id}
              onClick={() => select.zone(zone.id)}
            >
              <span className="zone-list__name">{zone.properties.name}</span>
              <span className="zone-list__state">
                {t.zoneStates[zone.properties.state as keyof typeof t.zoneStates] ?? zone.properties.state}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
