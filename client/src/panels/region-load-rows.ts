import { fill, type Locale, type Messages } from '../i18n';
import { REGION_LOAD_CLASSES, regionLoadClass } from '../map/analysis-scales';
import type { Row } from './feature-rows';
import { formatNumber } from './format';

/** A class of the choropleth in words, as the legend writes it: "None", "Under 5", "5 to 20", "100 or more". */
export function regionLoadClassLabel(index: number, t: Messages, locale: Locale): string {
  const c = t.choropleth;
  const { min, max } = REGION_LOAD_CLASSES[index]!;
  const mw = (n: number) => formatNumber(locale, n) ?? '';
  if (index === 0) return c.none;
  if (max === null) return fill(c.atLeast, { min: mw(min) });
  if (min === 0) return fill(c.under, { max: mw(max) });
  return fill(c.range, { min: mw(min), max: mw(max) });
}

/**
 * What a prefecture's popup adds while the choropleth is on: the MW that coloured it (with the class's colour) and
 * its class, so that the colour can be read back. The MW has the API's 3 decimals: rounded to one, 4.96 would
 * read "5 MW" in the class "Under 5". None when the prefecture has no value (it is not coloured).
 */
export function choroplethRows(mw: number | undefined, t: Messages, locale: Locale): Row[] {
  if (mw === undefined) return [];
  const c = t.choropleth;
  const index = regionLoadClass(mw);
  const value = mw.toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 3 });
  const classLabel = regionLoadClassLabel(index, t, locale);
  return [
    {
      label: c.popupLoad,
      value: `${value} ${t.units.mw}`,
      color: REGION_LOAD_CLASSES[index]!.color,
      testId: 'choropleth-mw',
    },
    {
      label: c.popupClass,
      value: index === 0 ? classLabel : `${classLabel} ${t.units.mw}`,
      testId: 'choropleth-class',
    },
  ];
}
