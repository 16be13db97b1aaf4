import { describe, expect, it } from 'vitest';
import {
  choose,
  closePanel,
  closePopup,
  linkedOf,
  movePopup,
  NO_SELECTION,
  panelKey,
  type Selection,
} from './selection';
import { createSelectionStore } from './selection-store';

const at: [number, number] = [104, 30];

describe('choose', () => {
  it('lets a substation or a zone replace whatever was open', () => {
    const site = choose(NO_SELECTION, { layer: 'sites', id: 3, at });
    expect(choose(site, { layer: 'substations', id: 5, at })).toEqual({ kind: 'substation', id: 5 });
    expect(choose({ kind: 'substation', id: 5 }, { layer: 'zones', id: 2, at })).toEqual({
      kind: 'zone',
      id: 2,
    });
  });

  it('opens a popup over the open panel, and the map background closes only the popup', () => {
    const site = choose({ kind: 'zone', id: 2 }, { layer: 'sites', id: 3, at });
    expect(site).toEqual({ kind: 'site', id: 3, at, under: { kind: 'zone', id: 2 } });
    const line = choose(site, { layer: 'lines', id: 8, at });
    expect(line).toEqual({ kind: 'feature', layer: 'lines', id: 8, at, under: { kind: 'zone', id: 2 } });
    expect(choose(line, null)).toEqual({ kind: 'zone', id: 2 });
  });
});

describe('closing', () => {
  const both: Selection = { kind: 'site', id: 3, at, under: { kind: 'substation', id: 5 } };

  it('closes the popup and leaves the panel, or the reverse', () => {
    expect(closePopup(both)).toEqual({ kind: 'substation', id: 5 });
    expect(closePanel(both)).toEqual({ kind: 'site', id: 3, at, under: null });
    expect(closePanel({ kind: 'zone', id: 2 })).toBe(NO_SELECTION);
  });

  it('names the panel in the link first, and keys state to the panel', () => {
    expect(linkedOf(both)).toEqual({ layer: 'substations', id: 5 });
    expect(linkedOf(closePanel(both))).toEqual({ layer: 'sites', id: 3 });
    expect(panelKey(both)).toBe('substation:5');
    expect(panelKey(closePanel(both))).toBe('none');
  });
});

it('moves only the popup it is about', () => {
  const site: Selection = { kind: 'site', id: 3, at, under: null };
  expect(movePopup(site, 'sites', 3, [105, 31])).toEqual({ ...site, at: [105, 31] });
  expect(movePopup(site, 'sites', 4, [105, 31])).toBe(site);
});

it('the store tells its listeners of a change, and not of the same value', () => {
  const store = createSelectionStore();
  let calls = 0;
  const stop = store.subscribe(() => (calls += 1));
  store.set({ kind: 'zone', id: 1 });
  store.set((s) => s);
  expect(calls).toBe(1);
  stop();
  store.set(NO_SELECTION);
  expect(calls).toBe(1);
  expect(store.get()).toBe(NO_SELECTION);
});
