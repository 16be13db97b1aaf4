import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { MapLayerId } from '../map-layers';
import { FONT_FACES } from '../fonts';
import { basemapLabelLayers, basemapLayers, outlineLayers } from './basemap';
import { lineLayers } from './lines';
import { pylonLayers } from './pylons';
import { regionLayers } from './regions';
import { siteLayers } from './sites';
import { focusLayers } from './focus';
import { analysisLayers } from './analysis';
import { analysisSources, basemapSources, dataSources, focusSource } from './sources';
import { substationLayers } from './substations';
import { zoneLayers } from './zones';
import { Z_ORDER, type StyleLayerId } from './z-order';

/** The style layers of each API layer: a layer toggle shows or hides all of them. */
export const THEMES: Readonly<Record<MapLayerId, readonly LayerSpecification[]>> = {
  regions: regionLayers,
  zones: zoneLayers,
  lines: lineLayers,
  pylons: pylonLayers,
  substations: substationLayers,
  sites: siteLayers,
};

/** The one style layer of each API layer that answers clicks. */
export const CLICK_LAYERS: Readonly<Record<MapLayerId, StyleLayerId>> = {
  regions: 'regions-fill',
  zones: 'zones-fill',
  lines: 'lines',
  pylons: 'pylons',
  substations: 'substations',
  sites: 'sites',
};

/** Sorts the layers by Z_ORDER; a layer that is not there (or listed but missing) is a programming error. */
export function orderLayers(layers: readonly LayerSpecification[]): LayerSpecification[] {
  const rank = new Map<string, number>(Z_ORDER.map((id, i) => [id, i]));
  const unknown = layers.filter((l) => !rank.has(l.id)).map((l) => l.id);
  const missing = Z_ORDER.filter((id) => !layers.some((l) => l.id === id));
  if (unknown.length > 0 || missing.length > 0) {
    throw new Error(
      `Z_ORDER out of date: not listed [${unknown.join(', ')}], no such layer [${missing.join(', ')}]`,
    );
  }
  return [...layers].sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
}

export function buildStyle(origin: string): StyleSpecification {
  return {
    version: 8,
    name: 'gridwatch',
    state: { lang: { default: 'en' } },
    'font-faces': FONT_FACES,
    sources: {
      ...basemapSources(origin),
      ...dataSources(origin),
      ...focusSource(),
      ...analysisSources(),
    },
    layers: orderLayers([
      ...basemapLayers,
      ...outlineLayers,
      ...basemapLabelLayers,
      ...Object.values(THEMES).flat(),
      ...analysisLayers,
      ...focusLayers,
    ]),
  };
}

export { Z_ORDER, type StyleLayerId } from './z-order';
export { SUBSTATION_ICON, SUBSTATION_ICON_SIDE } from './substations';
export { isCluster } from './site-clusters';
