import { fill, useI18n } from '../i18n';
import type { MapLayerId } from '../map/map-layers';

export interface LoadError {
  layer: MapLayerId | 'layerList';
  message: string;
}

/** Failures to load data, shown rather than swallowed. */
export function ErrorList({ errors }: { errors: readonly LoadError[] }) {
  const { t } = useI18n();
  if (errors.length === 0) return null;
  return (
    <div className="error-list" role="alert">
      {errors.map(({ layer, message }) => (
        <p key={`${layer}:${message}`}>
          {fill(t.loadFailed, { what: layer === 'layerList' ? t.layers : t.layerNames[layer], message })}
        </p>
      ))}
    </div>
  );
}
