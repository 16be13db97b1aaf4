import sharp, { type SharpOptions } from 'sharp';
import { MAX_PIXELS, THUMBNAIL_MAX_PX } from './limits';
import { isPhotoType, type EvidenceType } from './sniff';

/**
 * sharp (libvips, prebuilt for linux-x64 glibc in the npm package @img/sharp-linux-x64: no download outside the
 * npm registry) decodes the photos: to prove every pixel decodes, and to make the thumbnail.
 * - limitInputPixels: the pixel-flood cap again, in case a header the structure check read and libvips read differ.
 * - failOn 'warning': the strictest level (sharp's default, kept on purpose). libjpeg only *warns* on a JPEG cut
 *   short with an end marker stuck back on ("premature end of data segment"); 'error' would let it through grey.
 */
const DECODE: SharpOptions = { limitInputPixels: MAX_PIXELS, failOn: 'warning', sequentialRead: true };

/** The decoder's complaint, or undefined when the photo decodes whole. */
export async function decodeProblem(bytes: Uint8Array): Promise<string | undefined> {
  try {
    // A small resize still decodes every scan (JPEG shrink-on-load skips the IDCT, not the entropy decoding).
    await sharp(bytes, DECODE).resize(32, 32, { fit: 'inside' }).raw().toBuffer();
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // "Input buffer has corrupt header: VipsJpeg: premature end of JPEG image" → "premature end of JPEG image"
    return (message.split('\n')[0] ?? message).replace(/^(?:(?:Vips\w+|Input buffer[^:]*):\s*)+/, '');
  }
}

export interface Thumbnail {
  readonly bytes: Uint8Array;
  readonly type: 'image/webp';
  readonly width: number;
  readonly height: number;
}

/**
 * A WebP of at most THUMBNAIL_MAX_PX on its longer side for the history panel, or null for a PDF. Turned upright
 * from the EXIF orientation first, then written with no metadata at all (sharp keeps none unless asked), so the
 * thumbnail carries no GPS, camera serial or time. WebP, because every browser the client supports shows it and
 * it keeps a PNG's transparency; an animated WebP gives its first frame. Call it only on bytes inspectUpload took.
 */
export async function makeThumbnail(bytes: Uint8Array, type: EvidenceType): Promise<Thumbnail | null> {
  if (!isPhotoType(type)) return null;
  const { data, info } = await sharp(bytes, DECODE)
    .rotate()
    .resize(THUMBNAIL_MAX_PX, THUMBNAIL_MAX_PX, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer({ resolveWithObject: true });
  return { bytes: data, type: 'image/webp', width: info.width, height: info.height };
}
