import { STATUSES } from '@gridwatch/contract';
import { loadRangeValid, VOLTAGES, type MapFilters } from '../filters/map-filters';
import { fill, type Locale, type Messages } from '../i18n';
import { formatMw } from '../progress/progress-format';

export type FilterKey = 'status' | 'voltage' | 'utility' | 'region' | 'load';

export interface FilterLine {
  key: FilterKey;
  /** The filter in words, or the report's "none" when it does not narrow the map. */
  text: string;
  narrowed: boolean;
}

/** The names of the chosen utility and region, once known (null while they load, or when none is chosen). */
export interface FilterNames {
  utility: string | null;
  region: string | null;
}

const tag = (locale: Locale) => (locale === 'zh' ? 'zh-CN' : 'en-US');
const list = (locale: Locale, items: string[]) =>
  new Intl.ListFormat(tag(locale), { style: 'long', type: 'conjunction' }).format(items);

/**
 * The map's filters in words, in the order of the filter panel, for the printed report: a reader of the paper
 * cannot open the panel to see what the map was narrowed to. The as-of day is not here: the report's heading
 * says it.
 */
export function describeFilters(
  filters: MapFilters,
  names: FilterNames,
  t: Messages,
  locale: Locale,
): FilterLine[] {
  const r = t.report;
  const line = (key: FilterKey, text: string | null): FilterLine =>
    text === null ? { key, text: r.notNarrowed, narrowed: false } : { key, text, narrowed: true };
  // A list with every value chosen, like one with none left out, is no filter (map-filters.ts `narrowed`).
  const statuses = STATUSES.every((s) => filters.status.includes(s))
    ? null
    : list(
        locale,
        STATUSES.filter((s) => filters.status.includes(s)).map((s) => t.statuses[s]),
      );
  const voltages = VOLTAGES.every((kv) => filters.voltageKv.includes(kv))
    ? null
    : list(
        locale,
        VOLTAGES.filter((kv) => filters.voltageKv.includes(kv)).map((kv) => `${kv} ${t.units.kv}`),
      );
  const named = (id: number | null, name: string | null) => (id === null ? null : (name ?? `#${id}`));
  return [
    line('status', statuses),
    line('voltage', voltages),
    line('utility', named(filters.utility, names.utility)),
    line('region', named(filters.region, names.region)),
    line('load', loadRange(filters, r, locale)),
  ];
}

function loadRange(filters: MapFilters, r: Messages['report'], locale: Locale): string | null {
  const { minLoadMw: min, maxLoadMw: max } = filters;
  const mw = (n: number) => formatMw(locale, n);
  if (min === null && max === null) return null;
  const range =
    min !== null && max !== null
      ? fill(r.loadBetween, { min: mw(min), max: mw(max) })
      : min !== null
        ? fill(r.loadAtLeast, { min: mw(min) })
        : fill(r.loadAtMost, { max: mw(max ?? 0) });
  return loadRangeValid(filters) ? range : fill(r.loadNotApplied, { range });
}
