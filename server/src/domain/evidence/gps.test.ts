import { describe, expect, it } from 'vitest';
import { haversineKm } from '@gridwatch/contract';
import { photo } from '../../../test/fixtures/evidence/fixtures';
import { gpsFlags, readGps } from './gps';

const SITE = { lon: 87.6168, lat: 43.8256 };
/** Kilometres north of the site, in degrees of latitude on the project's sphere (6,371.0088 km). */
const north = (km: number) => ({ lon: SITE.lon, lat: SITE.lat + (km / 6371.0088) * (180 / Math.PI) });

describe('gpsFlags', () => {
  it('flags a photo without GPS as NO_GPS, with no distance', () => {
    expect(gpsFlags(null, SITE)).toEqual({ flags: ['NO_GPS'], distanceKm: null });
  });

  it('gives no flag within 1 km and the distance from the contract geodesy', () => {
    const gps = north(0.999);
    const check = gpsFlags(gps, SITE);
    expect(check.flags).toEqual([]);
    expect(check.distanceKm).toBe(haversineKm(gps.lon, gps.lat, SITE.lon, SITE.lat));
    expect(check.distanceKm).toBeCloseTo(0.999, 9);
  });

  it('flags a photo taken more than 1 km from the site as FAR_FROM_SITE', () => {
    const check = gpsFlags(north(1.001), SITE);
    expect(check.flags).toEqual(['FAR_FROM_SITE']);
    expect(check.distanceKm).toBeCloseTo(1.001, 9);
    expect(gpsFlags({ lat: 39.9042, lon: 116.4074 }, SITE).distanceKm).toBeGreaterThan(2000);
  });
});

describe('readGps', () => {
  it('reads southern and western positions with their signs', async () => {
    const gps = await readGps(await photo('jpeg', { gps: { lat: -22.9068, lon: -43.1729 } }), 'image/jpeg');
    expect(gps?.lat).toBeCloseTo(-22.9068, 5);
    expect(gps?.lon).toBeCloseTo(-43.1729, 5);
  });

  it('takes 0, 0 (a camera without a fix) as no position', async () => {
    expect(await readGps(await photo('jpeg', { gps: { lat: 0, lon: 0 } }), 'image/jpeg')).toBeNull();
  });

  it('gives null for EXIF without GPS, and for a WebP without an EXIF chunk', async () => {
    expect(await readGps(await photo('jpeg', { orientation: 6 }), 'image/jpeg')).toBeNull();
    expect(await readGps(await photo('webp'), 'image/webp')).toBeNull();
  });
});
