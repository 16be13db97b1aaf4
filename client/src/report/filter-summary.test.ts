import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../filters/map-filters';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import { describeFilters } from './filter-summary';

const NO_NAMES = { utility: null, region: null };
const texts = (lines: { text: string }[]) => lines.map((l) => l.text);

describe('describeFilters', () => {
  it('says "none" for every filter that does not narrow the map', () => {
    const lines = describeFilters(NO_FILTERS, NO_NAMES, en, 'en');
    expect(lines.map((l) => l.key)).toEqual(['status', 'voltage', 'utility', 'region', 'load']);
    expect(texts(lines)).toEqual(Array(5).fill('none (all shown)'));
    expect(lines.every((l) => !l.narrowed)).toBe(true);
  });

  it('lists the chosen statuses and voltages in the domain order, in the language', () => {
    const filters = { ...NO_FILTERS, status: ['SUSPECTED', 'UNLICENSED'] as const, voltageKv: [110, 750] };
    const [status, voltage] = describeFilters(filters, NO_NAMES, en, 'en');
    expect(status).toEqual({ key: 'status', text: 'Unlicensed and Suspected', narrowed: true });
    expect(voltage?.text).toBe('750 kV and 110 kV');
    const [zhStatus] = describeFilters(filters, NO_NAMES, zh, 'zh');
    expect(zhStatus?.text).toBe(`${zh.statuses.UNLICENSED}和${zh.statuses.SUSPECTED}`);
  });

  it('names the utility and the region, or their ids until the names are in', () => {
    const filters = { ...NO_FILTERS, utility: 3, region: 650100 };
    const named = describeFilters(filters, { utility: 'State Grid Hami', region: 'Urumqi' }, en, 'en');
    expect(texts(named).slice(2, 4)).toEqual(['State Grid Hami', 'Urumqi']);
    expect(texts(describeFilters(filters, NO_NAMES, en, 'en')).slice(2, 4)).toEqual(['#3', '#650100']);
  });

  it('writes the load range with numbers formatted for the language, and flags one the map ignores', () => {
    const load = (minLoadMw: number | null, maxLoadMw: number | null, locale: 'en' | 'zh' = 'en') =>
      describeFilters({ ...NO_FILTERS, minLoadMw, maxLoadMw }, NO_NAMES, locale === 'en' ? en : zh, locale)[4]
        ?.text;
    expect(load(1.5, 1200)).toBe('1.5 to 1,200 MW');
    expect(load(10, null)).toBe('at least 10 MW');
    expect(load(null, 0.25)).toBe('at most 0.25 MW');
    expect(load(1500, null, 'zh')).toBe('至少 1,500 兆瓦');
    expect(load(20, 5)).toBe('20 to 5 MW: not applied, the minimum is above the maximum');
  });
});
