import type { Map } from 'maplibre-gl';
import {
  TerraDraw,
  TerraDrawCircleMode,
  TerraDrawPolygonMode,
  TerraDrawRectangleMode,
  TerraDrawSelectMode,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { ZONE_STYLE } from '../palette';

const COLOR = ZONE_STYLE.color;
const shapeStyle = { fillColor: COLOR, outlineColor: COLOR, fillOpacity: 0.15, outlineWidth: 2 } as const;

/**
 * terra-draw on the map: the three ways to draw a zone, and select mode to move the vertices of one polygon
 * (every shape is handed back to it as a polygon once drawn). Dragging the whole zone is off: a zone is moved
 * corner by corner, on purpose.
 */
export function createDraw(map: Map): TerraDraw {
  return new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map }),
    modes: [
      new TerraDrawPolygonMode({ styles: shapeStyle }),
      new TerraDrawRectangleMode({ styles: shapeStyle }),
      new TerraDrawCircleMode({ styles: shapeStyle }),
      new TerraDrawSelectMode({
        flags: {
          polygon: {
            feature: { coordinates: { draggable: true, midpoints: true, deletable: true } },
          },
        },
        styles: {
          selectedPolygonColor: COLOR,
          selectedPolygonOutlineColor: COLOR,
          selectedPolygonFillOpacity: 0.2,
          selectionPointColor: COLOR,
          midPointColor: '#ffffff',
          midPointOutlineColor: COLOR,
        },
      }),
    ],
  });
}
