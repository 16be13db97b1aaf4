import type { Map } from 'maplibre-gl';
import { TerraDraw, TerraDrawLineStringMode, TerraDrawPolygonMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { FOCUS_STYLE } from '../palette';

const COLOR = FOCUS_STYLE.site;

/**
 * terra-draw for measuring, apart from the zone editor's: its own layer ids (prefixId) and mode names, so that a
 * measure never becomes a zone and the two never draw over each other's layers.
 */
export function createMeasureDraw(map: Map): TerraDraw {
  return new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, prefixId: 'td-measure' }),
    modes: [
      new TerraDrawLineStringMode({
        modeName: 'measure-line',
        styles: { lineStringColor: COLOR, lineStringWidth: 2, closingPointColor: COLOR },
      }),
      new TerraDrawPolygonMode({
        modeName: 'measure-area',
        styles: { fillColor: COLOR, fillOpacity: 0.1, outlineColor: COLOR, outlineWidth: 2 },
      }),
    ],
  });
}
