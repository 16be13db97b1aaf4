import { useMemo, useState } from 'react';
import type { MapLayerId } from './map/map-layers';
import type { LoadError } from './panels/error-list';
import { errorMessage } from './use-layer-infos';

/** What the map's data loader reports (failures, layers cut at the API's limit), kept for the panels. */
export function useLoadReports() {
  const [errors, setErrors] = useState<LoadError[]>([]);
  const [truncated, setTruncated] = useState<ReadonlySet<MapLayerId>>(new Set());
  const events = useMemo(
    () => ({
      onError: (layer: MapLayerId, error: unknown) => {
        const added = { layer, message: errorMessage(error) };
        // A failing pylon request repeats on every move: report it once.
        setErrors((all) =>
          all.some((e) => e.layer === layer && e.message === added.message) ? all : [...all, added],
        );
      },
      onTruncated: (layer: MapLayerId, isTruncated: boolean) =>
        setTruncated((all) => {
          if (all.has(layer) === isTruncated) return all;
          const next = new Set(all);
          if (isTruncated) next.add(layer);
          else next.delete(layer);
          return next;
        }),
    }),
    [],
  );
  return { errors, truncated, events };
}
