import type { Map } from 'maplibre-gl';

/** A label the map has drawn: its style layer and its text as rendered (the text-field evaluated for the feature). */
export interface RenderedLabel {
  layer: string;
  text: string;
  /** The feature's names, to check the text against. */
  name: unknown;
  nameZh: unknown;
}

declare global {
  interface Window {
    /** The map, published only so that the e2e tests can call queryRenderedFeatures and project. */
    __gridwatchMap?: Map;
    /** The labels drawn in the current view, for the e2e tests that check the map's language. */
    __gridwatchLabels?: () => RenderedLabel[];
  }
}

/** A text-field's value as evaluated for one feature: a string, or formatted sections. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'sections' in value && Array.isArray(value.sections)) {
    return value.sections.map((s: { text?: unknown }) => String(s.text ?? '')).join('');
  }
  return value === undefined || value === null ? '' : String(value);
}

/** Queries the symbol layers with a text, whose features carry their layout evaluated (lang included). */
function renderedLabels(map: Map): RenderedLabel[] {
  const layers = (map.getStyle().layers ?? [])
    .filter((l) => l.type === 'symbol' && l.layout?.['text-field'] !== undefined)
    .map((l) => l.id);
  return map.queryRenderedFeatures({ layers }).flatMap((f) => {
    const layout: Record<string, unknown> = f.layer.layout ?? {};
    const text = textOf(layout['text-field']);
    const { name, nameZh } = f.properties;
    return text ? [{ layer: f.layer.id, text, name, nameZh }] : [];
  });
}

export function publishForTests(map: Map | null): void {
  if (map) {
    window.__gridwatchMap = map;
    window.__gridwatchLabels = () => renderedLabels(map);
  } else {
    delete window.__gridwatchMap;
    delete window.__gridwatchLabels;
  }
}
