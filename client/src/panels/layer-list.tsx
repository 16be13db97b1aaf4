import type { LayerInfo } from '../api';
import { fill, useI18n } from '../i18n';
import { MAP_LAYERS, PYLON_MIN_ZOOM, type MapLayerId } from '../map';

interface Props {
  infos: readonly LayerInfo[];
  visible: Readonly<Record<MapLayerId, boolean>>;
  onToggle: (layer: MapLayerId, visible: boolean) => void;
  truncated: ReadonlySet<MapLayerId>;
}

/** Listed top to bottom as the map stacks them: the topmost layer first. */
const LISTED = [...MAP_LAYERS].reverse();

function LayerHint({ layer, truncated }: { layer: MapLayerId; truncated: boolean }) {
  const { t } = useI18n();
  const pylons = layer === 'pylons';
  if (!truncated && !pylons) return null;
  const text = !truncated
    ? fill(t.pylonsFromZoom, { zoom: PYLON_MIN_ZOOM })
    : pylons
      ? t.truncatedPylons
      : t.truncatedLayer;
  return <p className={`layer-list__hint${truncated ? ' layer-list__hint--warn' : ''}`}>{text}</p>;
}

/** One checkbox per map layer, with the number of features the API holds. */
export function LayerList({ infos, visible, onToggle, truncated }: Props) {
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
      </ul>
    </section>
  );
}
