import { useEffect } from 'react';
import type { Map } from 'maplibre-gl';

/** `right`: pixels the side panel covers; `bottomShare`: the share of the height a bottom sheet covers. */
/** Room kept around the chosen place, in pixels, besides what the panel covers. */
const MARGIN = 40;

/**
 * Keeps a chosen site in sight beside the panel that opened for it: a site chosen under the side panel (or, on a
 * phone, under the bottom sheet) is moved into the open part of the map, once, when it is chosen.
 */
export function useKeepInView(
  map: Map | null,
  chosen: { id: number; at: [number, number] } | null,
  covered: { right: number; bottomShare: number },
): void {
  const id = chosen?.id ?? null;
  const { right, bottomShare } = covered;
  useEffect(() => {
    if (!map || !chosen || (right === 0 && bottomShare === 0)) return;
    const point = map.project(chosen.at);
    const { clientWidth: width, clientHeight: height } = map.getContainer();
    const bottom = Math.round(height * bottomShare);
    const dx = right > 0 ? Math.max(0, point.x - (width - right - MARGIN)) : 0;
    const dy = bottom > 0 ? Math.max(0, point.y - (height - bottom - MARGIN)) : 0;
    if (dx > 0 || dy > 0) map.panBy([dx, dy], { animate: false });
    // Once per chosen site: a later move of the map is the user's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, id, right, bottomShare]);
}
