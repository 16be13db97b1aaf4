import type { ApiFeature } from '../api';
import { useI18n } from '../i18n';
import type { ZoneWorkflow } from './use-zone-workflow';

/** Editing a zone's vertices on the map: start, then save the new shape or drop it. */
export function ZoneShapeControls({ workflow, zone }: { workflow: ZoneWorkflow; zone: ApiFeature<'zones'> }) {
  const { t } = useI18n();
  const { editing } = workflow;
  if (zone.geometry.type !== 'Polygon') return <p className="panel-note">{t.zones.multiPart}</p>;
  if (editing?.kind !== 'reshape' || editing.zoneId !== zone.id) {
    return (
      <button
        type="button"
        className="button"
        data-testid="zone-edit-shape"
        disabled={workflow.busy}
        onClick={() => workflow.startReshape(zone)}
      >
        {t.zones.editShape}
      </button>
    );
  }
  const geometry = editing.geometry;
  return (
    <div className="zone-shape-controls">
      <p className="panel-note">{t.zones.editHint}</p>
      <button
        type="button"
        className="button button--primary"
        data-testid="zone-save-shape"
        disabled={!geometry || workflow.busy}
        onClick={() => geometry && void workflow.update(zone, { geometry })}
      >
        {t.zones.saveShape}
      </button>
      <button type="button" className="button" onClick={workflow.cancel}>
        {t.zones.cancel}
      </button>
    </div>
  );
}
