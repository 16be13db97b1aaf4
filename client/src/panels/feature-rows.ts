import type { ApiFeature, DetailLayerId } from '../api';
import { localName, type Locale, type Messages } from '../i18n';
import { STATUS_COLORS } from '../map/palette';
import { formatNumber } from './format';
import { formatInstant } from '../time/format-time';

/** A clicked feature as fetched from the API, tagged with its layer. */
export type SelectedFeature = { [L in DetailLayerId]: { layer: L; feature: ApiFeature<L> } }[DetailLayerId];

export interface Row {
  label: string;
  value: string;
  /** A colour swatch shown before the value (a site's status). */
  color?: string;
  /** For the tests, when a row is looked for by what it is rather than by its words. */
  testId?: string;
}

export interface Details {
  title: string;
  rows: Row[];
}

/** The title and attribute rows shown for a feature: what the API says, formatted, nothing computed. */
export function featureDetails(selected: SelectedFeature, t: Messages, locale: Locale): Details {
  const f = t.fields;
  const row = (label: string, value: string | null | undefined): Row => ({ label, value: value || t.none });
  switch (selected.layer) {
    case 'sites': {
      const p = selected.feature.properties;
      return {
        title: localName(p, locale),
        rows: [
          { ...row(f.status, t.statuses[p.status]), color: STATUS_COLORS[p.status] },
          row(f.operator, p.operator),
          row(f.utility, localName({ name: p.utilityName, nameZh: p.utilityNameZh }, locale)),
          row(f.loadMw, formatNumber(locale, p.loadMw, t.units.mw)),
          row(f.machines, formatNumber(locale, p.machines)),
          row(f.firstObserved, p.firstObserved),
          row(f.statusChangedAt, p.statusChangedAt ? formatInstant(p.statusChangedAt) : null),
          row(f.externalId, p.externalId),
        ],
      };
    }
    case 'substations': {
      const p = selected.feature.properties;
      const utility = localName({ name: p.utilityName, nameZh: p.utilityNameZh }, locale);
      return {
        title: localName(p, locale),
        rows: [
          row(f.voltageKv, formatNumber(locale, p.voltageKv, t.units.kv)),
          row(f.capacityMva, formatNumber(locale, p.capacityMva, t.units.mva)),
          row(f.utility, utility),
          row(f.meteredPeakMw, formatNumber(locale, p.meteredPeakMw, t.units.mw)),
          row(f.baseLoadMw, formatNumber(locale, p.baseLoadMw, t.units.mw)),
          row(f.externalId, p.externalId),
        ],
      };
    }
    case 'lines': {
      const p = selected.feature.properties;
      return {
        title: localName(p, locale),
        rows: [
          row(f.voltageKv, formatNumber(locale, p.voltageKv, t.units.kv)),
          row(f.externalId, p.externalId),
        ],
      };
    }
    case 'pylons': {
      const p = selected.feature.properties;
      return {
        title: `${t.layerNames.pylons} ${p.externalId}`,
        rows: [row(f.line, String(p.lineId)), row(f.seq, String(p.seq))],
      };
    }
    case 'regions': {
      const p = selected.feature.properties;
      return {
        title: localName(p, locale),
        rows: [row(f.code, p.code), row(f.level, p.level), row(f.externalId, p.externalId)],
      };
    }
  }
}
