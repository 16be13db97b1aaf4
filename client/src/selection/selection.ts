import type { MapLayerId } from '../map/map-layers';

/** A feature that opens a floating panel (the substation's load, the zone's details) rather than a popup. */
export type PanelSelection = { kind: 'substation'; id: number } | { kind: 'zone'; id: number };

/** The layers whose features open a popup at the place they were chosen. */
export type FeatureLayer = Exclude<MapLayerId, 'substations' | 'zones' | 'sites'>;

interface Popup {
  id: number;
  at: [number, number];
  /** The panel left open under the popup (a site picked from a substation's list, clicked inside a zone). */
  under: PanelSelection | null;
}

/**
 * What the user has chosen, the one state every list, the map and the search set. A site, or another feature
 * (lines, pylons, regions), opens a popup and keeps whatever panel was open beneath it.
 */
export type Selection =
  | { kind: 'none' }
  | PanelSelection
  | ({ kind: 'site' } & Popup)
  | ({ kind: 'feature'; layer: FeatureLayer } & Popup);

export const NO_SELECTION: Selection = { kind: 'none' };

/** A chosen feature of any layer, where it was chosen. */
export interface Choice {
  layer: MapLayerId;
  id: number;
  at: [number, number];
}

export function panelOf(s: Selection): PanelSelection | null {
  if (s.kind === 'substation' || s.kind === 'zone') return s;
  return s.kind === 'none' ? null : s.under;
}

export function popupOf(s: Selection): Choice | null {
  if (s.kind === 'site') return { layer: 'sites', id: s.id, at: s.at };
  if (s.kind === 'feature') return { layer: s.layer, id: s.id, at: s.at };
  return null;
}

export function substationOf(s: Selection): number | null {
  const panel = panelOf(s);
  return panel?.kind === 'substation' ? panel.id : null;
}

export function zoneOf(s: Selection): number | null {
  const panel = panelOf(s);
  return panel?.kind === 'zone' ? panel.id : null;
}

/** Choosing a feature: a substation or a zone replaces everything; any other opens its popup over the panel. */
export function choose(current: Selection, choice: Choice | null): Selection {
  if (!choice) return panelOf(current) ?? NO_SELECTION;
  const { layer, id, at } = choice;
  if (layer === 'substations') return { kind: 'substation', id };
  if (layer === 'zones') return { kind: 'zone', id };
  const under = panelOf(current);
  return layer === 'sites' ? { kind: 'site', id, at, under } : { kind: 'feature', layer, id, at, under };
}

/** Closing the popup leaves its panel; closing the panel leaves the popup. */
export const closePopup = (s: Selection): Selection => panelOf(s) ?? NO_SELECTION;

export function closePanel(s: Selection): Selection {
  if (s.kind === 'site' || s.kind === 'feature') return { ...s, under: null };
  return NO_SELECTION;
}

/** The popup of `layer`/`id` moved to `at` (its position came from the API); any other selection unchanged. */
export function movePopup(s: Selection, layer: MapLayerId, id: number, at: [number, number]): Selection {
  const popup = popupOf(s);
  return popup && popup.layer === layer && popup.id === id && (s.kind === 'site' || s.kind === 'feature')
    ? { ...s, at }
    : s;
}

/** The feature a link names: the panel's, else the popup's. */
export function linkedOf(s: Selection): { layer: MapLayerId; id: number } | null {
  const panel = panelOf(s);
  if (panel) return { layer: panel.kind === 'substation' ? 'substations' : 'zones', id: panel.id };
  const popup = popupOf(s);
  return popup && { layer: popup.layer, id: popup.id };
}

/** Names the open panel, so that state tied to it (a zone half-drawn, a picked site) can tell it went away. */
export function panelKey(s: Selection): string {
  const panel = panelOf(s);
  return panel ? `${panel.kind}:${panel.id}` : 'none';
}
