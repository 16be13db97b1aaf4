import exifr from 'exifr';
import { haversineKm } from '@gridwatch/contract';
import { FAR_FROM_SITE_KM } from './limits';
import type { PhotoType } from './sniff';

export interface PhotoGps {
  readonly lat: number;
  readonly lon: number;
}

/**
 * The GPS position in a photo's EXIF, with exifr (the maintained EXIF reader: ESM, no dependencies, reads a
 * Buffer in memory, never the network). exifr reads JPEG and PNG (eXIf) itself but not WebP: for WebP the caller
 * passes the EXIF chunk the structure check cut out, which is a plain TIFF structure exifr reads.
 * Null when there is no EXIF, no GPS, unreadable EXIF, a position off the globe, or exactly 0, 0 (what a camera
 * without a fix writes; no site is at "null island").
 */
export async function readGps(
  bytes: Uint8Array,
  type: PhotoType,
  webpExif?: Uint8Array,
): Promise<PhotoGps | null> {
  const source = type === 'image/webp' ? webpExif : bytes;
  if (source === undefined) return null;
  let found: { latitude?: unknown; longitude?: unknown } | undefined;
  try {
    found = await exifr.gps(source);
  } catch {
    return null; // EXIF is a claim by the camera, not a reason to refuse the photo.
  }
  const lat = found?.latitude;
  const lon = found?.longitude;
  if (typeof lat !== 'number' || typeof lon !== 'number') return null;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
    return null;
  if (lat === 0 && lon === 0) return null;
  return { lat, lon };
}

export type GpsFlag = 'NO_GPS' | 'FAR_FROM_SITE';

export interface GpsCheck {
  readonly flags: GpsFlag[];
  /** Great-circle distance from the site's point, on the project's sphere (packages/contract/src/geodesy.ts). */
  readonly distanceKm: number | null;
}

/**
 * Flags a photo without a position (NO_GPS) or taken more than FAR_FROM_SITE_KM (1 km) from the site
 * (FAR_FROM_SITE). Flags inform the reviewer; they do not refuse the photo: EXIF can be missing (a screenshot,
 * a phone with location off) or forged, and a crew's photo of a meter room is still evidence.
 */
export function gpsFlags(
  gps: PhotoGps | null,
  site: { readonly lon: number; readonly lat: number },
): GpsCheck {
  if (gps === null) return { flags: ['NO_GPS'], distanceKm: null };
  const distanceKm = haversineKm(gps.lon, gps.lat, site.lon, site.lat);
  return { flags: distanceKm > FAR_FROM_SITE_KM ? ['FAR_FROM_SITE'] : [], distanceKm };
}
