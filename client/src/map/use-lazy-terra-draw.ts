import { useEffect, useRef, useState } from 'react';
import type { Map } from 'maplibre-gl';
import type { TerraDraw } from 'terra-draw';

/**
 * A terra-draw instance made by `create` the first time it is `wanted`, started on the map and stopped when the
 * map goes: terra-draw is loaded on demand, so users who never draw or measure never download it. `create`
 * (which imports terra-draw and adds its listeners) is read when the instance is made, not watched.
 */
export function useLazyTerraDraw(
  map: Map | null,
  wanted: boolean,
  create: (map: Map) => Promise<TerraDraw>,
): TerraDraw | null {
  const [draw, setDraw] = useState<TerraDraw | null>(null);
  const [needed, setNeeded] = useState(false);
  if (wanted && !needed) setNeeded(true);
  const latestCreate = useRef(create);
  useEffect(() => {
    latestCreate.current = create;
  }, [create]);

  useEffect(() => {
    if (!map || !needed) return;
    let created: TerraDraw | null = null;
    let stopped = false;
    void latestCreate.current(map).then((instance) => {
      if (stopped) return;
      created = instance;
      created.start();
      setDraw(created);
    });
    return () => {
      stopped = true;
      created?.stop();
      setDraw(null);
    };
  }, [map, needed]);

  return draw;
}
