import { useCallback, useState } from 'react';
import type { LineString, Polygon } from 'geojson';
import type { MeasureKind, MeasureRequest } from './map/measure/use-measure';

/** The measure being drawn, if any, and its shape so far. */
export function useMeasureState() {
  const [request, setRequest] = useState<MeasureRequest | null>(null);
  const [shape, setShape] = useState<LineString | Polygon | null>(null);
  return {
    request,
    shape,
    setShape,
    start: useCallback((kind: MeasureKind | null) => {
      setShape(null);
      setRequest((r) => kind && { kind, seq: (r?.seq ?? 0) + 1 });
    }, []),
  };
}
