import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  elfExecutable,
  jpegPixelFlood,
  pdf,
  pdfObjects,
  pdfOfSize,
  photo,
  pngPixelFlood,
  shellScript,
  truncate,
  webpPixelFlood,
  windowsExecutable,
  zipArchive,
} from '../../../test/fixtures/evidence/fixtures';
import { checkAttachmentCount, inspectUpload } from './inspect-upload';
import { MAX_FILE_BYTES, MAX_FILES_PER_RECORD } from './limits';

const SITE = { lat: 43.8256, lon: 87.6168 };

async function refusalOf(bytes: Uint8Array, fileName = 'evidence.jpg') {
  const result = await inspectUpload({ bytes, fileName });
  if (result.ok) throw new Error(`expected a refusal, got ${result.type}`);
  return result;
}

describe('inspectUpload: accepted photos and PDFs', () => {
  it('accepts a JPEG with EXIF GPS: type from the bytes, SHA-256 key, size, GPS', async () => {
    const bytes = await photo('jpeg', { gps: SITE });
    const result = await inspectUpload({ bytes, fileName: 'IMG_0042.JPG' });
    expect(result).toMatchObject({
      ok: true,
      type: 'image/jpeg',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
      displayName: 'IMG_0042.JPG',
      width: 320,
      height: 240,
    });
    if (!result.ok) return;
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.gps?.lat).toBeCloseTo(SITE.lat, 5);
    expect(result.gps?.lon).toBeCloseTo(SITE.lon, 5);
  });

  it.each(['png', 'webp'] as const)('accepts a %s and reads its EXIF GPS', async (format) => {
    const bytes = await photo(format, { gps: { lat: -33.8568, lon: 151.2153 } });
    const result = await inspectUpload({ bytes, fileName: `site.${format}` });
    expect(result).toMatchObject({ ok: true, type: `image/${format}`, width: 320, height: 240 });
    if (!result.ok) return;
    expect(result.gps?.lat).toBeCloseTo(-33.8568, 5);
    expect(result.gps?.lon).toBeCloseTo(151.2153, 5);
  });

  it('takes a plain Uint8Array as well as a Buffer', async () => {
    const bytes = new Uint8Array(await photo('webp', { gps: SITE }));
    const result = await inspectUpload({ bytes, fileName: 'a.webp' });
    expect(result).toMatchObject({ ok: true, type: 'image/webp' });
    expect(result.ok && result.gps?.lat).toBeCloseTo(SITE.lat, 5);
  });

  it('gives gps null for a photo without EXIF', async () => {
    const result = await inspectUpload({ bytes: await photo('jpeg'), fileName: 'a.jpg' });
    expect(result).toMatchObject({ ok: true, gps: null });
  });

  it('decides the type from the bytes, not the name: a PNG named .jpg is a PNG, shown as x.jpg.png', async () => {
    const result = await inspectUpload({ bytes: await photo('png'), fileName: 'x.jpg' });
    expect(result).toMatchObject({ ok: true, type: 'image/png', displayName: 'x.jpg.png' });
  });

  it('accepts a JPEG followed by a motion-photo trailer after its end-of-image marker', async () => {
    const bytes = Buffer.concat([await photo('jpeg'), Buffer.from('\0\0\0\x18ftypmp42 trailing video')]);
    expect(await inspectUpload({ bytes, fileName: 'PXL_0001.MP.jpg' })).toMatchObject({ ok: true });
  });

  it('accepts a plain PDF, with no size or GPS', async () => {
    const result = await inspectUpload({ bytes: pdf(pdfObjects()), fileName: 'order.pdf' });
    expect(result).toMatchObject({ ok: true, type: 'application/pdf', width: null, gps: null });
  });

  it('accepts a file of exactly 10 MiB and refuses one of 10 MiB + 1 byte', async () => {
    expect(MAX_FILE_BYTES).toBe(10 * 1024 * 1024);
    const atLimit = pdfOfSize(MAX_FILE_BYTES);
    expect(atLimit.length).toBe(MAX_FILE_BYTES);
    expect(await inspectUpload({ bytes: atLimit, fileName: 'scan.pdf' })).toMatchObject({ ok: true });
    const over = await refusalOf(pdfOfSize(MAX_FILE_BYTES + 1), 'scan.pdf');
    expect(over.code).toBe('FILE_TOO_LARGE');
    expect(over.message).toContain('10485761 bytes');
  });
});

describe('inspectUpload: refusals', () => {
  it('refuses an empty file', async () => {
    expect((await refusalOf(new Uint8Array(0))).code).toBe('EMPTY_FILE');
  });

  it.each([
    ['an ELF executable', elfExecutable()],
    ['a Windows PE executable', windowsExecutable()],
    ['a shell script', shellScript()],
  ])('refuses %s renamed .jpg as EXECUTABLE', async (_, bytes) => {
    const refusal = await refusalOf(bytes, 'photo.jpg');
    expect(refusal.code).toBe('EXECUTABLE');
    expect(refusal.message).toMatch(/program|script/);
  });

  it('refuses a zip (whatever it holds) as ARCHIVE', async () => {
    const refusal = await refusalOf(zipArchive(), 'photos.jpg');
    expect(refusal).toMatchObject({ code: 'ARCHIVE' });
    expect(refusal.message).toContain('zip');
  });

  it('refuses a type that is not evidence (GIF, plain text) as UNSUPPORTED_TYPE', async () => {
    expect((await refusalOf(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'))).code).toBe(
      'UNSUPPORTED_TYPE',
    );
    expect((await refusalOf(Buffer.from('just some text'))).code).toBe('UNSUPPORTED_TYPE');
  });

  it('refuses a JPEG cut short (no end-of-image marker) as IMAGE_TRUNCATED', async () => {
    const refusal = await refusalOf(truncate(await photo('jpeg'), 0.6));
    expect(refusal.code).toBe('IMAGE_TRUNCATED');
    expect(refusal.message).toContain('JPEG');
  });

  it('refuses a JPEG cut short with an end marker stuck back on: the decoder fails, IMAGE_CORRUPT', async () => {
    const refusal = await refusalOf(truncate(await photo('jpeg'), 0.6, { reEnd: true }));
    expect(refusal.code).toBe('IMAGE_CORRUPT');
    expect(refusal.message).toMatch(/does not decode: .*premature end/);
  });

  it('refuses a PNG cut short, one with a damaged chunk, and one with bytes after IEND', async () => {
    const png = await photo('png');
    expect((await refusalOf(truncate(png, 0.5), 'a.png')).code).toBe('IMAGE_TRUNCATED');
    const damaged = Buffer.from(png);
    damaged[60] = (damaged[60] ?? 0) ^ 0xff;
    const corrupt = await refusalOf(damaged, 'a.png');
    expect(corrupt.code).toBe('IMAGE_CORRUPT');
    expect(corrupt.message).toContain('checksum');
    const polyglot = Buffer.concat([png, zipArchive()]);
    expect(await refusalOf(polyglot, 'a.png')).toMatchObject({ code: 'IMAGE_CORRUPT' });
  });

  it('refuses a WebP cut short', async () => {
    const refusal = await refusalOf(truncate(await photo('webp'), 0.7), 'a.webp');
    expect(refusal.code).toBe('IMAGE_TRUNCATED');
    expect(refusal.message).toContain('WebP');
  });

  it.each([
    ['a PNG declaring 100,000 × 100,000', () => Promise.resolve(pngPixelFlood())],
    ['a JPEG declaring 65,000 × 65,000', async () => jpegPixelFlood(await photo('jpeg'))],
    ['a WebP declaring 16,384 × 16,384', () => Promise.resolve(webpPixelFlood())],
  ])('refuses %s as IMAGE_TOO_MANY_PIXELS, before decoding', async (_, make) => {
    const refusal = await refusalOf(await make());
    expect(refusal.code).toBe('IMAGE_TOO_MANY_PIXELS');
    expect(refusal.message).toMatch(/megapixels\); the limit is 50 megapixels/);
  });

  it('refuses a path-traversal name before looking at the bytes', async () => {
    const refusal = await refusalOf(await photo('jpeg'), '../../etc/passwd');
    expect(refusal.code).toBe('UNSAFE_FILE_NAME');
  });
});

describe('checkAttachmentCount', () => {
  it(`allows ${MAX_FILES_PER_RECORD} files on a record and refuses ${MAX_FILES_PER_RECORD + 1}`, () => {
    expect(MAX_FILES_PER_RECORD).toBe(20);
    expect(checkAttachmentCount(0)).toBeUndefined();
    expect(checkAttachmentCount(20)).toBeUndefined();
    expect(checkAttachmentCount(21)).toEqual({
      ok: false,
      code: 'TOO_MANY_FILES',
      message: 'A record holds at most 20 files; this would make 21. Remove 1.',
    });
  });
});
