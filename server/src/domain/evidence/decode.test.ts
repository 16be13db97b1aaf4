import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pdf, pdfObjects, photo, pngPixelFlood } from '../../../test/fixtures/evidence/fixtures';
import { makeThumbnail } from './decode';

describe('makeThumbnail', () => {
  it('makes a WebP of at most 256 px, upright from the EXIF orientation, with no EXIF (no GPS) left', async () => {
    const original = await photo('jpeg', {
      width: 1200,
      height: 800,
      orientation: 6,
      gps: { lat: 43.8, lon: 87.6 },
    });
    expect(await exifr.gps(original)).toBeDefined();
    const thumbnail = await makeThumbnail(original, 'image/jpeg');
    if (thumbnail === null) throw new Error('no thumbnail');
    // Orientation 6 turns the 1200 × 800 landscape into an 800 × 1200 portrait: 171 × 256.
    expect(thumbnail).toMatchObject({ type: 'image/webp', width: 171, height: 256 });
    const metadata = await sharp(thumbnail.bytes).metadata();
    expect(metadata).toMatchObject({ format: 'webp', width: 171, height: 256 });
    expect(metadata.exif).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect(await exifr.gps(thumbnail.bytes).catch(() => undefined)).toBeUndefined();
  });

  it('keeps a PNG transparency and never enlarges a small photo', async () => {
    const thumbnail = await makeThumbnail(
      await photo('png', { width: 100, height: 50, alpha: true }),
      'image/png',
    );
    expect(thumbnail).toMatchObject({ width: 100, height: 50 });
    expect((await sharp(thumbnail?.bytes).metadata()).hasAlpha).toBe(true);
  });

  it('makes one from a WebP', async () => {
    expect(await makeThumbnail(await photo('webp', { width: 640, height: 480 }), 'image/webp')).toMatchObject(
      {
        width: 256,
        height: 192,
      },
    );
  });

  it('gives null for a PDF', async () => {
    expect(await makeThumbnail(pdf(pdfObjects()), 'application/pdf')).toBeNull();
  });

  it('refuses to decode a pixel flood even if called on bytes inspectUpload never saw (limitInputPixels)', async () => {
    await expect(makeThumbnail(pngPixelFlood(), 'image/png')).rejects.toThrow(/pixel limit/);
  });
});
