import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import { choose, closePanel, closePopup, NO_SELECTION, type Choice, type Selection } from './selection';
import { createSelectionStore, type SelectionStore } from './selection-store';

/** The app's selection store; App provides one per session. */
export const SelectionContext = createContext<SelectionStore | null>(null);

function useStore(): SelectionStore {
  const store = useContext(SelectionContext);
  if (!store) throw new Error('useSelection outside SelectionContext');
  return store;
}

export { createSelectionStore };

export function useSelection(): Selection {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, store.get, () => NO_SELECTION);
}

/** The ways to change the selection, stable for the store's life. */
export function useSelect() {
  const store = useStore();
  return useMemo(
    () => ({
      /** A feature chosen on the map, in a list or in the search (null: the map's background). */
      choose: (choice: Choice | null) => store.set((s) => choose(s, choice)),
      substation: (id: number) => store.set({ kind: 'substation', id }),
      zone: (id: number) => store.set({ kind: 'zone', id }),
      closePopup: () => store.set(closePopup),
      closePanel: () => store.set(closePanel),
      set: store.set,
      /** The selection as it is now, for a write that finishes after the render that started it. */
      current: store.get,
    }),
    [store],
  );
}

export type SelectActions = ReturnType<typeof useSelect>;
