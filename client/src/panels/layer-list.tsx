import type { LayerInfo } from '../api';
import { fill, useI18n } from '../i18n';
import { MAP_LAYERS, PYLON_MIN_ZOOM, type MapLayerId } from '../map/map-layers';

interface Props {
  infos: readonly LayerInfo[];
  visible: Readonly<Record<MapLayerId, boolean>>;
  onToggle: (layer: MapLayerId, visible: boolean) => void;
  truncated: ReadonlySet<MapLayerId>;
  /** The deployment's online basemap, when it offers one: an option under the offline basemap. */
  online?: OnlineBasemapToggle | null;
}

export interface OnlineBasemapToggle {
  attribution: string;
  shown: boolean;
  /** Its tiles did not load (no network, or the provider refused). */
  failed: boolean;
  onToggle: (shown: boolean) => void;
}

/** Listed top to bottom as the map stacks them: the topmost layer first. */
const LISTED = [...MAP_LAYERS].reverse();

/** Pylons come from tiles, so they are never cut at a limit; only the layers fetched whole may be. */
function LayerHint({ layer, truncated }: { layer: MapLayerId; truncated: boolean }) {
  const { t } = useI18n();
  if (truncated) return <p className="layer-list__hint layer-list__hint--warn">{t.truncatedLayer}</p>;
  if (layer !== 'pylons') return null;
  return <p className="layer-list__hint">{fill(t.pylonsFromZoom, { zoom: PYLON_MIN_ZOOM })}</p>;
}

/** One checkbox per map layer, with the number of features the API holds. */
export function LayerList({ infos, visible, onToggle, truncated, online }: Props) {
  const { t, locale } = useI18n();
  const count = (layer: MapLayerId) => infos.find((i) => i.id === layer)?.count;
  return (
    <section className="panel-section" aria-labelledby="layers-title">
      <h2 id="layers-title" className="panel-section__title">
        {t.layers}
      </h2>
      <ul className="layer-list">
        {LISTED.map((layer) => (
          <li key={layer}>
            <label className="layer-list__item">
              <input
                type="checkbox"
                data-testid={`layer-toggle-${layer}`}
                checked={visible[layer]}
                onChange={(e) => onToggle(layer, e.target.checked)}
              />
              <span className="layer-list__name">{t.layerNames[layer]}</span>
              <span className="layer-list__count">
                {count(layer)?.toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-US')}
              </span>
            </label>
            <LayerHint layer={layer} truncated={truncated.has(layer)} />
          </li>
        ))}
        {online && (
          <li>
            <label className="layer-list__item">
              <input
                type="checkbox"
                data-testid="layer-toggle-online-basemap"
                checked={online.shown}
                onChange={(e) => online.onToggle(e.target.checked)}
              />
              <span className="layer-list__name">{t.onlineBasemap}</span>
            </label>
            <p className="layer-list__hint">{online.attribution}</p>
            {online.shown && online.failed && (
              <p className="layer-list__hint layer-list__hint--warn" role="status">
                {t.onlineBasemapFailed}
              </p>
            )}
          </li>
        )}
      </ul>
    </section>
  );
}
