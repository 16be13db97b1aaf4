import { useI18n } from '../i18n';
import type { DrawShape } from '../map/zone-editor/draw-shapes';
import { EMPTY_ZONE_FIELDS } from './zone-form';
import { ZoneFeedback } from './zone-feedback';
import { ZoneForm } from './zone-form-fields';
import type { ZoneWorkflow } from './use-zone-workflow';

/** A zone being drawn: how to draw it, then its details and the save button once the shape is closed. */
export function NewZonePanel({ workflow, shape }: { workflow: ZoneWorkflow; shape: DrawShape }) {
  const { t } = useI18n();
  const geometry = workflow.editing?.geometry ?? null;
  return (
    <aside
      className="floating-panel floating-panel--fit"
      data-testid="zone-panel"
      aria-label={t.zones.newZone}
    >
      <header className="floating-panel__header">
        <h2 className="feature-details__title">{t.zones.newZone}</h2>
        <button
          type="button"
          className="floating-panel__close"
          aria-label={t.zones.cancel}
          onClick={workflow.cancel}
        >
          ×
        </button>
      </header>
      <p className="panel-note" data-testid="zone-draw-hint">
        {geometry ? t.zones.editHint : t.drawHints[shape]}
      </p>
      <ZoneFeedback feedback={workflow.feedback} />
      <ZoneForm
        initial={EMPTY_ZONE_FIELDS}
        withState={false}
        submitLabel={t.zones.save}
        disabled={!geometry || workflow.busy}
        onSubmit={(body) => geometry && void workflow.create(body, geometry)}
      />
      <button type="button" className="button" onClick={workflow.cancel}>
        {t.zones.cancel}
      </button>
    </aside>
  );
}
