import type { StyleSpecification } from 'maplibre-gl';
import { mapStyle, type MapLayerId, type StyleLayerId } from '@gridwatch/contract';
import { FONT_FACES } from '../fonts';
import { analysisSources, basemapSources, dataSources, focusSource } from './sources';

/**
 * The client's style: the contract's (map-style/) with the page's own sources — tiles from /api/tiles, the few
 * hundred regions, zones, lines and substations as GeoJSON the data loader fills — and the substation icon added
 * at run time (create-map.ts), so no sprite.
 */
export function buildStyle(origin: string): StyleSpecification {
  return mapStyle({
    sources: {
      ...basemapSources(origin),
      ...dataSources(origin),
      ...focusSource(),
      ...analysisSources(),
    },
    fontFaces: FONT_FACES,
  });
}

/** The one style layer of each API layer that answers clicks. */
export const CLICK_LAYERS: Readonly<Record<MapLayerId, StyleLayerId>> = {
  regions: 'regions-fill',
  zones: 'zones-fill',
  lines: 'lines',
  pylons: 'pylons',
  substations: 'substations',
  sites: 'sites',
};

export {
  isCluster,
  orderLayers,
  SUBSTATION_ICON,
  SUBSTATION_ICON_SIDE,
  THEMES,
  Z_ORDER,
  type StyleLayerId,
} from '@gridwatch/contract';
