import { layers, namedFlavor } from '@protomaps/basemaps';
import type { LayerSpecification } from 'maplibre-gl';
import { LABEL_FONT } from '../fonts';

/** The source of the local PMTiles basemap (docs/basemap.md). */
export const PROTOMAPS_SOURCE = 'protomaps';

/** Replaces every font named in a layer (Noto Sans Regular, Medium, Italic) by the app's one bundled font. */
function oneFont(value: unknown): unknown {
  if (typeof value === 'string') return value.startsWith('Noto Sans') ? LABEL_FONT : value;
  if (Array.isArray(value)) return value.map(oneFont);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, oneFont(v)]));
  }
  return value;
}

/**
 * @protomaps/basemaps' "light" style for Protomaps' basemap schema (v4), made to need nothing from the internet:
 * its fonts become the bundled Noto Sans (fonts.ts); its sprite icons (town dots, road shields, one-way arrows,
 * POI symbols) are left out, since the app ships no sprite: layers that are only an icon go, the others keep their
 * text. Its background goes too: the built-in basemap's background and land stay under it. Ids are prefixed so
 * they never meet the app's own.
 */
export function protomapsLayers(lang: 'en' | 'zh'): LayerSpecification[] {
  return layers(PROTOMAPS_SOURCE, namedFlavor('light'), { lang })
    .filter((layer) => layer.type !== 'background')
    .filter(
      (layer) => !(layer.type === 'symbol' && layer.layout?.['icon-image'] && !layer.layout['text-field']),
    )
    .map((layer) => {
      const spec = oneFont(layer) as LayerSpecification;
      if (spec.type === 'symbol' && spec.layout) {
        const { 'icon-image': _icon, ...layout } = spec.layout;
        return { ...spec, id: `pm-${spec.id}`, layout };
      }
      return { ...spec, id: `pm-${spec.id}` };
    });
}
