import { fileTypeFromBuffer } from 'file-type/core';
import { refuse, type EvidenceRefusal } from './refusal';

/** The four types of evidence accepted, as MIME types. */
export type EvidenceType = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';
export type PhotoType = Exclude<EvidenceType, 'application/pdf'>;

export const EVIDENCE_TYPES: readonly EvidenceType[] = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
];

export function isPhotoType(type: EvidenceType): type is PhotoType {
  return type !== 'application/pdf';
}

const EXECUTABLES = new Set([
  'application/x-elf',
  'application/x-msdownload',
  'application/x-mach-binary',
  'application/wasm',
  'application/java-vm',
  'application/x-shockwave-flash',
  'application/x.ms.shortcut',
]);

const ARCHIVES = new Set([
  'application/zip',
  'application/gzip',
  'application/x-7z-compressed',
  'application/x-rar-compressed',
  'application/x-bzip2',
  'application/x-xz',
  'application/zstd',
  'application/x-lz4',
  'application/x-lzip',
  'application/x-compress',
  'application/x-tar',
  'application/x-cpio',
  'application/x-unix-archive',
  'application/x-ace-compressed',
  'application/x-arj',
  'application/x-lzh-compressed',
  'application/vnd.ms-cab-compressed',
  'application/x-apple-diskimage',
  'application/java-archive',
  'application/vnd.android.package-archive',
  'application/x-deb',
  'application/x-rpm',
  'application/x-xpinstall',
  'application/x-google-chrome-extension',
  'application/x-asar',
]);

const ACCEPTED = new Set<string>(EVIDENCE_TYPES);

/** file-type's `reasonableDetectionSizeInBytes` (exported by its code, not by its types). */
const SAMPLE_BYTES = 4100;

/**
 * Decides the type from the bytes alone, never from the name or a Content-Type: with file-type (sindresorhus,
 * the usual magic-number library, ESM, no network), given only the first 4,100 bytes, the sample it is built for,
 * so that its own probing of containers (it opens zips to tell a .docx) never reads the whole upload.
 * A script (`#!`) has no magic number file-type knows, so it is caught here.
 */
export async function sniffType(bytes: Uint8Array): Promise<EvidenceType | EvidenceRefusal> {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (sample[0] === 0x23 && sample[1] === 0x21)
    return refuse('EXECUTABLE', 'The file is a script (it starts with "#!"), not a photo or a PDF.');
  const found = await fileTypeFromBuffer(sample);
  if (found === undefined)
    return refuse(
      'UNSUPPORTED_TYPE',
      'The file is not a JPEG, PNG or WebP photo or a PDF (its content matches none of them, whatever its name).',
    );
  if (ACCEPTED.has(found.mime)) return found.mime as EvidenceType;
  if (EXECUTABLES.has(found.mime))
    return refuse(
      'EXECUTABLE',
      `The file is a program (${found.mime}), not a photo or a PDF, whatever its name.`,
    );
  if (ARCHIVES.has(found.mime))
    return refuse(
      'ARCHIVE',
      `The file is an archive (${found.ext}); archives are not accepted: upload the photos or PDFs one by one.`,
    );
  return refuse(
    'UNSUPPORTED_TYPE',
    `The file is ${found.ext.toUpperCase()} (${found.mime}); only JPEG, PNG and WebP photos and PDFs are accepted.`,
  );
}
