import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../filters/map-filters';
import { decodeView, encodeView, type ViewState } from './view-url';

const PLAIN: ViewState = { camera: null, hidden: [], filters: NO_FILTERS, selected: null };

describe('the view in the URL', () => {
  it('leaves out what is the default', () => {
    expect(encodeView(PLAIN)).toBe('');
    expect(decodeView('')).toEqual(PLAIN);
  });

  it('reads back what it wrote', () => {
    const view: ViewState = {
      camera: { center: [87.61234, 43.81234], zoom: 9.5 },
      hidden: ['zones', 'pylons'],
      filters: {
        status: ['UNLICENSED', 'SUSPECTED'],
        voltageKv: [220],
        utility: 3,
        region: 5,
        minLoadMw: 0,
        maxLoadMw: 12.5,
        asOf: '2026-04-30',
      },
      selected: { layer: 'sites', id: 42 },
    };
    const search = encodeView(view);
    expect(search).toBe(
      '?c=87.61234%2C43.81234&z=9.50&hide=zones%2Cpylons&status=UNLICENSED%2CSUSPECTED&kv=220&utility=3&region=5&min=0&max=12.5&date=2026-04-30&sel=sites%3A42',
    );
    expect(decodeView(search)).toEqual(view);
  });

  it('takes the default for what is malformed', () => {
    expect(
      decodeView(
        '?c=east,north&z=9&hide=roads&status=BOGUS&kv=33&utility=-1&region=2.5&min=-5&date=yesterday&sel=sites:x',
      ),
    ).toEqual(PLAIN);
  });
});
