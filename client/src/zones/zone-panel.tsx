import type { ApiClient } from '../api';
import type { Permissions } from '../auth/permissions';
import { fill, useI18n } from '../i18n';
import { ExportLinks } from '../export/export-links';
import { useSelect } from '../selection/use-selection';
import { useApiQuery } from '../server-state/use-api-query';
import { queryKey } from '../server-state/query-keys';
import { ZoneDelete } from './zone-delete';
import { ZoneFeedback } from './zone-feedback';
import { zoneFields } from './zone-form';
import { ZoneForm } from './zone-form-fields';
import { ZoneShapeControls } from './zone-shape-controls';
import { ZoneSummary } from './zone-summary';
import type { ZoneWorkflow } from './use-zone-workflow';

interface Props {
  api: ApiClient;
  zoneId: number;
  workflow: ZoneWorkflow;
  permissions: Permissions;
}

/** An inspection zone: its details and sites, its export, and for enforcers its edits. */
export function ZonePanel({ api, zoneId, workflow, permissions }: Props) {
  const { t } = useI18n();
  const zone = useApiQuery(queryKey('zone', zoneId), (signal) => api.zone(zoneId, signal));
  const { closePanel: close } = useSelect();
  const feature = zone.data?.id === zoneId ? zone.data : null;
  return (
    <aside
      className="floating-panel floating-panel--fit"
      data-testid="zone-panel"
      data-zone-id={zoneId}
      aria-label={t.zones.zone}
    >
      <header className="floating-panel__header">
        <div>
          <span className="feature-details__kind">{t.zones.zone}</span>
          <h2 className="feature-details__title">{feature?.properties.name ?? t.loading}</h2>
        </div>
        <button type="button" className="floating-panel__close" aria-label={t.zones.close} onClick={close}>
          ×
        </button>
      </header>
      {zone.error && (
        <p className="panel-note panel-note--error" role="alert">
          {fill(t.loadFailed, { what: t.zones.zone, message: zone.error.message })}
        </p>
      )}
      <ZoneFeedback feedback={workflow.feedback} />
      <ZoneSummary api={api} zoneId={zoneId} />
      <ExportLinks scope={{ zoneId }} testIdPrefix="zone-export" />
      {feature && permissions.editZones && (
        <>
          <ZoneShapeControls workflow={workflow} zone={feature} />
          <ZoneForm
            key={feature.properties.version}
            initial={zoneFields(feature.properties)}
            withState
            submitLabel={t.zones.saveChanges}
            disabled={workflow.busy || workflow.editing !== null}
            onSubmit={(body) => void workflow.update(feature, body)}
          />
          <ZoneDelete disabled={workflow.busy} onDelete={() => void workflow.remove(feature)} />
        </>
      )}
    </aside>
  );
}
