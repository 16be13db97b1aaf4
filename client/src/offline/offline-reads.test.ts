import { describe, expect, it } from 'vitest';
import { isOfflineRead, keepsRecent } from './offline-reads';

describe('offline reads', () => {
  it('answers the API reads and the basemap files, never a write or the login', () => {
    expect(isOfflineRead('/api/layers/sites', 'GET')).toBe(true);
    expect(isOfflineRead('/api/basemap/7/90/47.mvt', 'GET')).toBe(true);
    expect(isOfflineRead('/basemap/countries.geojson', 'GET')).toBe(true);
    expect(isOfflineRead('/api/sites/3', 'PATCH')).toBe(false);
    expect(isOfflineRead('/api/auth/login', 'GET')).toBe(false);
    expect(isOfflineRead('/index.html', 'GET')).toBe(false);
  });

  it('keeps only the start-up reads as they are made', () => {
    expect(keepsRecent('/api/auth/session')).toBe(true);
    expect(keepsRecent('/api/map-config')).toBe(true);
    expect(keepsRecent('/api/layers/sites')).toBe(false);
    expect(keepsRecent('/api/tiles/sites/8/190/94.mvt')).toBe(false);
  });
});
