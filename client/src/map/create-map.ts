import { Map, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Bbox } from '../api';
import { CJK_FONT_FAMILY } from './fonts';
import { holdErrors } from './map-errors';
import { sdfSquare } from '@gridwatch/contract';
import { buildStyle, SUBSTATION_ICON, SUBSTATION_ICON_SIDE } from './style';

// Under Vite the worker is a separate asset: tell MapLibre where it is instead of letting it guess.
setWorkerUrl(workerUrl);

export function createMap(container: HTMLElement, bounds: Bbox): Map {
  const map = new Map({
    container,
    style: buildStyle(window.location.origin),
    bounds,
    fitBoundsOptions: { padding: 24 },
    localIdeographFontFamily: CJK_FONT_FAMILY,
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    // Keeps the canvas readable for printing and screenshots (STACK.md, Printing).
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  holdErrors(map);
  map.touchZoomRotate.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-right');

  // The substation symbol is generated rather than loaded from a sprite sheet: resolved when first needed, before
  // MapLibre would count it missing (and warn on the console).
  map.setMissingStyleImageResolver((id) => {
    if (id !== SUBSTATION_ICON || map.hasImage(id)) return;
    const pixelRatio = 2;
    map.addImage(id, sdfSquare(SUBSTATION_ICON_SIDE, 4, pixelRatio), { sdf: true, pixelRatio });
  });
  return map;
}
