import type { Bbox } from '../api';
import { PYLON_MIN_ZOOM } from './map-layers';

/** What the pylon loader holds: the box it last fetched and whether the answer was cut at the limit. */
export interface PylonCoverage {
  bbox: Bbox;
  truncated: boolean;
}

export type PylonPlan = { kind: 'keep' } | { kind: 'clear' } | { kind: 'fetch'; bbox: Bbox };

/** Part of the view's width and height added on each side, so that small pans need no new request. */
const PYLON_PADDING = 0.5;

export function padBbox([minLon, minLat, maxLon, maxLat]: Bbox, fraction: number): Bbox {
  const dLon = (maxLon - minLon) * fraction;
  const dLat = (maxLat - minLat) * fraction;
  return [
    Math.max(-180, minLon - dLon),
    Math.max(-90, minLat - dLat),
    Math.min(180, maxLon + dLon),
    Math.min(90, maxLat + dLat),
  ];
}

export function containsBbox(outer: Bbox, inner: Bbox): boolean {
  return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
}

/**
 * Decides what to do with the pylons after the view moved: nothing below PYLON_MIN_ZOOM (clear what
 * is held), nothing while the view stays inside a complete earlier answer, else fetch a padded box.
 * A truncated answer is refetched for every new view, since it may be missing what is now in view.
 */
export function planPylonFetch(zoom: number, view: Bbox, held: PylonCoverage | null): PylonPlan {
  if (zoom < PYLON_MIN_ZOOM) return held ? { kind: 'clear' } : { kind: 'keep' };
  if (held && !held.truncated && containsBbox(held.bbox, view)) return { kind: 'keep' };
  return { kind: 'fetch', bbox: padBbox(view, held?.truncated ? 0 : PYLON_PADDING) };
}
