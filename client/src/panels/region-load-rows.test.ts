import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import { REGION_LOAD_COLORS } from '../map/palette';
import { choroplethRows, regionLoadClassLabel } from './region-load-rows';

describe("a prefecture's popup with the choropleth on", () => {
  it('shows the MW that coloured it, its unit, its colour and its class', () => {
    expect(choroplethRows(42.5, en, 'en')).toEqual([
      { label: 'Unlicensed load', value: '42.5 MW', color: REGION_LOAD_COLORS[3], testId: 'choropleth-mw' },
      { label: 'Colour class', value: '20 to 100 MW', testId: 'choropleth-class' },
    ]);
    expect(choroplethRows(1234.567, zh, 'zh')).toEqual([
      { label: '无证负荷', value: '1,234.567 MW', color: REGION_LOAD_COLORS[4], testId: 'choropleth-mw' },
      { label: '着色分级', value: '100 及以上 MW', testId: 'choropleth-class' },
    ]);
  });

  it('keeps the decimals that decide the class: 4.96 MW is under 5, not "5 MW"', () => {
    expect(choroplethRows(4.96, en, 'en').map((r) => r.value)).toEqual(['4.96 MW', 'Under 5 MW']);
  });

  it('names the class of no load without a unit', () => {
    expect(choroplethRows(0, en, 'en')).toEqual([
      { label: 'Unlicensed load', value: '0 MW', color: REGION_LOAD_COLORS[0], testId: 'choropleth-mw' },
      { label: 'Colour class', value: 'None', testId: 'choropleth-class' },
    ]);
  });

  it('adds nothing for a prefecture the choropleth has no value for', () => {
    expect(choroplethRows(undefined, en, 'en')).toEqual([]);
  });

  it('writes the classes as the legend does', () => {
    expect([0, 1, 2, 3, 4].map((i) => regionLoadClassLabel(i, en, 'en'))).toEqual([
      'None',
      'Under 5',
      '5 to 20',
      '20 to 100',
      '100 or more',
    ]);
  });
});
