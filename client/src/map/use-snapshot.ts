import { useImperativeHandle, type Ref } from 'react';
import type { Map } from 'maplibre-gl';
import type { IdleSignal } from './idle-signal';

/** A picture of the map as it is drawn, for the printable report. */
export interface MapSnapshot {
  /** A PNG data URL of the map's canvas, taken once its data is in and drawn (overlays in HTML are not in it). */
  take(): Promise<string>;
}

/** The next frame drawn with nothing pending (a language switch, say, is drawn by then). */
const drawn = (map: Map) =>
  new Promise<void>((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });

/**
 * Hands the app a way to take the map's picture without handing it the map. The canvas keeps its last frame
 * because the map is created with preserveDrawingBuffer (create-map.ts), so reading it after `idle` is safe.
 */
export function useSnapshot(ref: Ref<MapSnapshot> | undefined, map: Map | null, idle: IdleSignal): void {
  useImperativeHandle(
    ref,
    () => ({
      take: async () => {
        if (!map) throw new Error('the map has not loaded yet');
        await idle.next();
        await drawn(map);
        return map.getCanvas().toDataURL('image/png');
      },
    }),
    [map, idle],
  );
}
