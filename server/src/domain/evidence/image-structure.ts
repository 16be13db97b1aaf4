import { crc32 } from 'node:zlib';
import { MAX_PIXELS } from './limits';
import { refuse, type EvidenceRefusal } from './refusal';
import type { PhotoType } from './sniff';

/**
 * The structure of a photo, read from its headers without decoding a pixel: the declared size (refused above
 * MAX_PIXELS before any decoder sees it) and whether the file is whole. Written here rather than taken from a
 * library because each check is a few lines over a documented layout, and because the order matters: the pixel
 * count must be refused before a decoder allocates for it, and a truncated file must get its own message.
 * The decoder (sharp, in decode.ts) still reads every pixel afterwards and catches what the headers cannot show.
 */
export interface PhotoStructure {
  readonly width: number;
  readonly height: number;
  /** The EXIF block as a TIFF structure (WebP only: exifr reads JPEG and PNG itself, but not WebP). */
  readonly exif?: Uint8Array;
}

const NAMES: Readonly<Record<PhotoType, string>> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
};

export function truncated(type: PhotoType, detail: string): EvidenceRefusal {
  return refuse('IMAGE_TRUNCATED', `The ${NAMES[type]} photo is cut short (${detail}); upload it again.`);
}

export function corrupt(type: PhotoType, detail: string): EvidenceRefusal {
  return refuse('IMAGE_CORRUPT', `The ${NAMES[type]} photo is damaged (${detail}).`);
}

function checkPixels(type: PhotoType, width: number, height: number): EvidenceRefusal | undefined {
  if (width <= 0 || height <= 0) return corrupt(type, `it declares a size of ${width} × ${height} pixels`);
  if (width * height > MAX_PIXELS)
    return refuse(
      'IMAGE_TOO_MANY_PIXELS',
      `The ${NAMES[type]} photo declares ${width} × ${height} pixels (${((width * height) / 1e6).toFixed(0)} megapixels); ` +
        `the limit is ${MAX_PIXELS / 1e6} megapixels.`,
    );
  return undefined;
}

export function readPhotoStructure(bytes: Uint8Array, type: PhotoType): PhotoStructure | EvidenceRefusal {
  switch (type) {
    case 'image/jpeg':
      return readJpeg(bytes);
    case 'image/png':
      return readPng(bytes);
    case 'image/webp':
      return readWebp(bytes);
  }
}

const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u32be = (b: Uint8Array, i: number) => u16be(b, i) * 0x10000 + u16be(b, i + 2);
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, i: number) => u16le(b, i) | ((b[i + 2] ?? 0) << 16);
const u32le = (b: Uint8Array, i: number) => u24le(b, i) + (b[i + 3] ?? 0) * 0x1000000;
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

/** Start-of-frame markers (C0–CF less DHT C4, JPG C8 and DAC CC) carry the size. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/**
 * Walks the JPEG's markers (ITU T.81 annex B) from SOI: the frame header gives the size, each scan's entropy-coded
 * data runs to the next marker, and the image must end with EOI. Bytes after EOI are allowed: phones append a
 * motion-photo video or a second (MPF) image there.
 */
function readJpeg(b: Uint8Array): PhotoStructure | EvidenceRefusal {
  const type = 'image/jpeg';
  let size: { width: number; height: number } | undefined;
  let scans = 0;
  let i = 2; // after SOI (FF D8), which the sniffer checked
  for (;;) {
    if (i >= b.length) return truncated(type, 'it ends before its end-of-image marker');
    if (b[i] !== 0xff) return corrupt(type, `a marker was expected at byte ${i}`);
    while (b[i] === 0xff) i++; // fill bytes
    if (i >= b.length) return truncated(type, 'it ends before its end-of-image marker');
    const marker = b[i++] as number;
    if (marker === 0xd9) {
      if (size === undefined || scans === 0) return corrupt(type, 'it ends before any image data');
      return size;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue; // RSTn and TEM have no length
    if (i + 2 > b.length) return truncated(type, 'it ends inside a marker');
    const length = u16be(b, i);
    if (length < 2) return corrupt(type, `a segment at byte ${i} has length ${length}`);
    if (i + length > b.length) return truncated(type, 'it ends inside a segment');
    if (isStartOfFrame(marker)) {
      if (length < 7) return corrupt(type, 'its frame header is too short');
      size = { height: u16be(b, i + 3), width: u16be(b, i + 5) };
      const refusal = checkPixels(type, size.width, size.height);
      if (refusal) return refusal;
    }
    i += length;
    if (marker === 0xda) {
      if (size === undefined) return corrupt(type, 'image data comes before the frame header');
      scans++;
      // Entropy-coded data: FF 00 is a stuffed byte and FF D0–D7 a restart marker; any other FF xx is a marker.
      for (;;) {
        if (i + 1 >= b.length) return truncated(type, 'the image data has no end-of-image marker');
        if (b[i] === 0xff) {
          const next = b[i + 1] as number;
          if (next !== 0x00 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7)) break;
        }
        i++;
      }
    }
  }
}

const PNG_SIGNATURE_LENGTH = 8;

/**
 * Walks the PNG's chunks (ISO 15948): IHDR first with the size, every chunk's CRC right, IDAT present, IEND last
 * and at the very end (nothing appended: no camera writes past IEND, and bytes there are how a PNG is made into
 * a zip or a script as well).
 */
function readPng(b: Uint8Array): PhotoStructure | EvidenceRefusal {
  const type = 'image/png';
  let i = PNG_SIGNATURE_LENGTH;
  let size: { width: number; height: number } | undefined;
  let idat = false;
  for (;;) {
    if (i + 8 > b.length) return truncated(type, 'it ends before its IEND chunk');
    const length = u32be(b, i);
    const name = ascii(b, i + 4, 4);
    if (size === undefined && name !== 'IHDR') return corrupt(type, 'its first chunk is not IHDR');
    if (name === 'IHDR') {
      if (size !== undefined || length !== 13) return corrupt(type, 'its IHDR chunk is malformed');
      // Checked before the CRC, and before the chunk is known to be whole: the size alone decides a flood.
      size = { width: u32be(b, i + 8), height: u32be(b, i + 12) };
      const refusal = checkPixels(type, size.width, size.height);
      if (refusal) return refusal;
    }
    const end = i + 12 + length;
    if (end > b.length) return truncated(type, `it ends inside its ${name} chunk`);
    const crc = u32be(b, end - 4);
    if (crc32(b.subarray(i + 4, end - 4)) !== crc)
      return corrupt(type, `the checksum of its ${name} chunk is wrong`);
    if (name === 'IDAT') idat = true;
    if (name === 'IEND') {
      if (!idat) return corrupt(type, 'it has no image data (IDAT)');
      if (end !== b.length) return corrupt(type, `${b.length - end} bytes follow its IEND chunk`);
      return size as { width: number; height: number };
    }
    i = end;
  }
}

/**
 * Walks the WebP's RIFF chunks (RFC 9649): the RIFF size must be the file's, the size comes from VP8X (the canvas),
 * VP8 (the key frame header) or VP8L (the lossless header), and an EXIF chunk is kept for the GPS reader.
 */
function readWebp(b: Uint8Array): PhotoStructure | EvidenceRefusal {
  const type = 'image/webp';
  if (b.length < 20) return truncated(type, 'it ends inside its header');
  const riffEnd = 8 + u32le(b, 4);
  if (riffEnd > b.length) return truncated(type, `its header says ${riffEnd} bytes and it has ${b.length}`);
  if (riffEnd + (riffEnd % 2) < b.length)
    return corrupt(type, `${b.length - riffEnd} bytes follow its RIFF data`);
  let size: { width: number; height: number } | undefined;
  let exif: Uint8Array | undefined;
  let image = false;
  for (let i = 12; i < riffEnd;) {
    if (i + 8 > riffEnd) return truncated(type, 'it ends inside a chunk header');
    const name = ascii(b, i, 4);
    const length = u32le(b, i + 4);
    const data = i + 8;
    if (data + length > riffEnd) return truncated(type, `it ends inside its ${name.trim()} chunk`);
    if (name === 'VP8X' && size === undefined) {
      if (length < 10) return corrupt(type, 'its VP8X chunk is too short');
      size = { width: u24le(b, data + 4) + 1, height: u24le(b, data + 7) + 1 };
    } else if (name === 'VP8 ') {
      // Frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height (RFC 6386 §9.1).
      if (length < 10 || b[data + 3] !== 0x9d || b[data + 4] !== 0x01 || b[data + 5] !== 0x2a)
        return corrupt(type, 'its VP8 frame header is malformed');
      size ??= { width: u16le(b, data + 6) & 0x3fff, height: u16le(b, data + 8) & 0x3fff };
      image = true;
    } else if (name === 'VP8L') {
      // Signature 2F, then 14-bit width − 1 and 14-bit height − 1 (the lossless bitstream spec, §3).
      if (length < 5 || b[data] !== 0x2f) return corrupt(type, 'its VP8L header is malformed');
      const bits = u32le(b, data + 1);
      size ??= { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
      image = true;
    } else if (name === 'ANMF') {
      image = true;
    } else if (name === 'EXIF') {
      exif = b.subarray(data, data + length);
    }
    if (size !== undefined) {
      const refusal = checkPixels(type, size.width, size.height);
      if (refusal) return refusal;
    }
    i = data + length + (length % 2);
  }
  if (size === undefined || !image) return corrupt(type, 'it has no image data');
  return exif === undefined ? size : { ...size, exif: stripExifPrefix(exif) };
}

/** Some writers start the EXIF chunk with "Exif\0\0" as in JPEG's APP1; exifr wants the TIFF structure itself. */
function stripExifPrefix(exif: Uint8Array): Uint8Array {
  return ascii(exif, 0, 6) === 'Exif\u0000\u0000' ? exif.subarray(6) : exif;
}
