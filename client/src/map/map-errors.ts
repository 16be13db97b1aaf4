import type { ErrorEvent, Map } from 'maplibre-gl';

/** A map error; a source's failure also names the source. */
export type MapError = ErrorEvent & { sourceId?: string };
type Handler = (error: MapError) => void;

const relays = new WeakMap<Map, { handler: Handler | null; held: MapError[] }>();

/**
 * Catches the map's errors from its creation on. Tiles are requested as soon as the style loads, before the data
 * loader starts, so their failures are held until it listens instead of being lost (or logged by MapLibre).
 */
export function holdErrors(map: Map): void {
  const relay = { handler: null as Handler | null, held: [] as MapError[] };
  relays.set(map, relay);
  map.on('error', (error: MapError) => {
    if (relay.handler) relay.handler(error);
    else relay.held.push(error);
  });
}

/** Sends the held errors and every later one to `handler`, until the returned function is called. */
export function listenForErrors(map: Map, handler: Handler): () => void {
  const relay = relays.get(map);
  if (!relay) throw new Error('listenForErrors needs a map made by createMap');
  relay.handler = handler;
  for (const error of relay.held.splice(0)) handler(error);
  return () => {
    relay.handler = null;
  };
}
