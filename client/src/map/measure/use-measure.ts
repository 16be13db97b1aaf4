import { useEffect, useRef } from 'react';
import type { Map } from 'maplibre-gl';
import type { LineString, Polygon } from 'geojson';
import { useLazyTerraDraw } from '../use-lazy-terra-draw';

export type MeasureKind = 'line' | 'area';

/** What to measure; a new `seq` starts afresh. */
export interface MeasureRequest {
  kind: MeasureKind;
  seq: number;
}

const MODES: Readonly<Record<MeasureKind, string>> = { line: 'measure-line', area: 'measure-area' };

/**
 * Runs terra-draw in a measuring mode while `request` is set, and reports the shape as it is drawn (each vertex,
 * and the pointer's leg as it moves), so that the figure follows the hand. Loaded on first use, like the zone
 * editor.
 */
export function useMeasure(
  map: Map | null,
  request: MeasureRequest | null,
  onShape: (shape: LineString | Polygon | null) => void,
): void {
  const report = useRef(onShape);
  useEffect(() => {
    report.current = onShape;
  }, [onShape]);
  const draw = useLazyTerraDraw(map, request !== null, async (target) => {
    const { createMeasureDraw } = await import('./create-measure-draw');
    const created = createMeasureDraw(target);
    created.on('change', () => {
      const shape = created
        .getSnapshot()
        .map((f) => f.geometry)
        .find((g): g is LineString | Polygon => g.type === 'LineString' || g.type === 'Polygon');
      report.current(shape ?? null);
    });
    return created;
  });

  useEffect(() => {
    if (!draw) return;
    draw.clear();
    draw.setMode(request ? MODES[request.kind] : 'static');
    // data-measure-mode tells tests (and only them) that terra-draw, loaded on demand, is ready for clicks.
    if (map) map.getContainer().dataset.measureMode = draw.getMode();
  }, [map, draw, request]);
}
