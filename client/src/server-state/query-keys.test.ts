import { describe, expect, it } from 'vitest';
import { queryKey, readsAny } from './query-keys';

describe('readsAny', () => {
  it('ties a layer read and a feature read to their own layer', () => {
    expect(readsAny(queryKey('layer', 'zones', {}), ['zones'])).toBe(true);
    expect(readsAny(queryKey('feature', 'sites', 4), ['zones'])).toBe(false);
  });

  it('ties the analyses to the layers they are computed from', () => {
    expect(readsAny(queryKey('hotspots', { radiusKm: 10 }), ['sites'])).toBe(true);
    expect(readsAny(queryKey('zone-sites', 3), ['sites'])).toBe(true);
    expect(readsAny(queryKey('zone', 3), ['sites'])).toBe(false);
    expect(readsAny(queryKey('map-config'), ['sites', 'zones'])).toBe(false);
  });
});
