import type { Map } from 'maplibre-gl';

declare global {
  interface Window {
    /** The map, published only so that the e2e tests can call queryRenderedFeatures and project. */
    __gridwatchMap?: Map;
  }
}

export function publishForTests(map: Map | null): void {
  if (map) window.__gridwatchMap = map;
  else delete window.__gridwatchMap;
}
