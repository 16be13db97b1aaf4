import sharp from 'sharp';

/** Degrees as the EXIF rationals "d/1 m/1 s/10000". */
function dms(value: number): string {
  const abs = Math.abs(value);
  const degrees = Math.floor(abs);
  const minutes = Math.floor((abs - degrees) * 60);
  const seconds = Math.round(((abs - degrees) * 60 - minutes) * 60 * 10_000);
  return `${degrees}/1 ${minutes}/1 ${seconds}/10000`;
}

/** A small JPEG as a phone would take it: with the EXIF GPS position given, or none. */
export async function jpegPhoto(gps?: { lon: number; lat: number }): Promise<Buffer> {
  let image = sharp({
    create: { width: 160, height: 120, channels: 3, background: { r: 90, g: 110, b: 70 } },
  }).jpeg();
  if (gps) {
    image = image.withExif({
      IFD0: { Make: 'gridwatch-e2e' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: dms(gps.lat),
        GPSLongitudeRef: 'E',
        GPSLongitude: dms(gps.lon),
      },
    });
  }
  return image.toBuffer();
}
