import { NO_SELECTION, type Selection } from './selection';

export interface SelectionStore {
  get(): Selection;
  set(next: Selection | ((current: Selection) => Selection)): void;
  subscribe(listener: () => void): () => void;
}

/** The selection, held outside React so that writes can read it as it is now (useSyncExternalStore reads it). */
export function createSelectionStore(initial: Selection = NO_SELECTION): SelectionStore {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(next) {
      const value = typeof next === 'function' ? next(current) : next;
      if (value === current) return;
      current = value;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
