/**
 * Whether the map's data is in and drawn (no request of the data loader out, and the map idle), with a promise
 * of the next time it is. The map view keeps it; the snapshot waits on it.
 */
export interface IdleSignal {
  set(idle: boolean): void;
  /** Resolves at once when idle, else the next time the map becomes idle. */
  next(): Promise<void>;
}

export function createIdleSignal(): IdleSignal {
  let idle = false;
  let waiting: (() => void)[] = [];
  return {
    set(value) {
      idle = value;
      if (!idle) return;
      const resolved = waiting;
      waiting = [];
      for (const resolve of resolved) resolve();
    },
    next: () => (idle ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve))),
  };
}
