import { useEffect } from 'react';
import type { GeoJSONSource, Map } from 'maplibre-gl';
import { focusFeatures, type MapFocus } from './focus-features';

/** Mirrors the panels' focus (the radius drawn, the site picked) into the map's `focus` source. */
export function useFocus(map: Map | null, focus: MapFocus): void {
  useEffect(() => {
    map?.getSource<GeoJSONSource>('focus')?.setData(focusFeatures(focus));
  }, [map, focus]);
}
