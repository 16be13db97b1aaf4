import { useEffect, useRef } from 'react';
import type { Map } from 'maplibre-gl';
import type { Polygon } from 'geojson';
import type { GeoJSONStoreFeatures, TerraDraw } from 'terra-draw';
import type { DrawShape } from './draw-shapes';
import { useLazyTerraDraw } from '../use-lazy-terra-draw';
import { circleToPolygon, roundPolygon } from './zone-shape';

/** What the zone editor is asked to do; a new `seq` starts it afresh. */
export type ZoneEditRequest =
  { kind: 'draw'; shape: DrawShape; seq: number } | { kind: 'edit'; geometry: Polygon; seq: number };

/** The drawn feature as a zone's polygon: a circle becomes one on the sphere (zone-shape.ts). */
function zoneGeometry(feature: GeoJSONStoreFeatures): Polygon | null {
  if (feature.geometry.type !== 'Polygon') return null;
  const radiusKm = feature.properties.radiusKilometers;
  if (feature.properties.mode === 'circle' && typeof radiusKm === 'number') {
    return circleToPolygon(feature.geometry, radiusKm);
  }
  return feature.geometry;
}

/** Hands a polygon to select mode, selected, so that its vertices can be dragged at once. */
function editable(draw: TerraDraw, geometry: Polygon): void {
  const id = draw.getFeatureId();
  draw.addFeatures([
    { id, type: 'Feature', geometry: roundPolygon(geometry), properties: { mode: 'polygon' } },
  ]);
  draw.setMode('select');
  draw.selectFeature(id);
}

/** Reports the polygon after each finished step; a new shape is handed on to select mode to be edited. */
function listen(draw: TerraDraw, report: (geometry: Polygon) => void): void {
  draw.on('finish', (id) => {
    const feature = draw.getSnapshotFeature(id);
    const geometry = feature && zoneGeometry(feature);
    if (!geometry) return;
    if (draw.getMode() !== 'select') {
      // A new shape: from now on it is edited as a polygon like any zone.
      draw.removeFeatures([id]);
      editable(draw, geometry);
    }
    report(geometry);
  });
}

/**
 * Runs terra-draw for the zone being drawn or edited (none while `request` is null) and reports its polygon after
 * every finished step: the shape closed, a vertex dropped. While it runs, the map's clicks belong to it. terra-draw
 * is loaded with the first request: viewers, who never draw, never download it.
 */
export function useZoneEditor(
  map: Map | null,
  request: ZoneEditRequest | null,
  onShape: (geometry: Polygon) => void,
): void {
  const report = useRef(onShape);
  useEffect(() => {
    report.current = onShape;
  }, [onShape]);
  const draw = useLazyTerraDraw(map, request !== null, async (target) => {
    const { createDraw } = await import('./create-draw');
    const created = createDraw(target);
    listen(created, (geometry) => report.current(geometry));
    return created;
  });

  useEffect(() => {
    if (!draw) return;
    draw.clear();
    if (!request) draw.setMode('static');
    else if (request.kind === 'draw') draw.setMode(request.shape);
    else editable(draw, request.geometry);
    // data-draw-mode tells tests (and only them) that terra-draw, loaded on demand, is ready for clicks.
    if (map) map.getContainer().dataset.drawMode = draw.getMode();
  }, [map, draw, request]);
}
