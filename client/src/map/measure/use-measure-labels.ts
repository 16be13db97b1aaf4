import { useEffect, useRef } from 'react';
import { Marker, type Map } from 'maplibre-gl';
import type { MeasureLabel } from '../../measure/measure-labels';

/** Where each kind of label sits against its point: on a segment's middle, beside a line's end, on an area. */
const ANCHORS = { segment: 'center', total: 'left', area: 'center' } as const;
const OFFSETS: Record<MeasureLabel['kind'], [number, number]> = {
  segment: [0, 0],
  total: [10, 0],
  area: [0, 0],
};

/**
 * Writes the measure's figures on the map at the shape (measure-labels.ts), as HTML markers: they follow the map
 * as it moves, are never dropped by symbol collision as a label layer's text would be, and read as text to a
 * screen reader. They take no pointer events, so a click beside a label still draws. The markers are reused as
 * the pointer moves (a label per segment), so the drawing does not churn the DOM.
 */
export function useMeasureLabels(map: Map | null, labels: readonly MeasureLabel[]): void {
  const markers = useRef<Marker[]>([]);

  useEffect(() => {
    if (!map) return;
    const shown = markers.current;
    labels.forEach((label, i) => {
      let marker = shown[i];
      if (!marker || marker.getElement().dataset.kind !== label.kind) {
        marker?.remove();
        const element = document.createElement('div');
        element.className = 'measure-shape-label';
        element.dataset.testid = 'measure-shape-label';
        element.dataset.kind = label.kind;
        marker = new Marker({ element, anchor: ANCHORS[label.kind], offset: OFFSETS[label.kind] });
        marker.setLngLat(label.at).addTo(map);
        shown[i] = marker;
      }
      marker.setLngLat(label.at);
      marker.getElement().textContent = label.text;
    });
    for (const extra of shown.splice(labels.length)) extra.remove();
  }, [map, labels]);

  useEffect(
    () => () => {
      for (const marker of markers.current.splice(0)) marker.remove();
    },
    [map],
  );
}
