import { createHash } from 'node:crypto';
import { decodeProblem } from './decode';
import { checkFileName, displayName } from './file-name';
import { readGps, type PhotoGps } from './gps';
import { corrupt, readPhotoStructure } from './image-structure';
import { MAX_FILE_BYTES, MAX_FILES_PER_RECORD } from './limits';
import { inspectPdf } from './pdf';
import { megabytes, refuse, type EvidenceRefusal } from './refusal';
import { isPhotoType, sniffType, type EvidenceType } from './sniff';

export interface AcceptedEvidence {
  readonly ok: true;
  /** Decided from the bytes; serve the file with this Content-Type, never the one the client sent. */
  readonly type: EvidenceType;
  /** SHA-256 of the bytes, lower-case hex: the content-addressed storage key. */
  readonly sha256: string;
  /** Size in bytes. */
  readonly size: number;
  /** The name to show and to offer on download (file-name.ts); never a path. */
  readonly displayName: string;
  /** Photos only: the pixel size as the file declares it (before EXIF orientation). */
  readonly width: number | null;
  readonly height: number | null;
  /** Photos only: the EXIF GPS position, or null (see gps.ts); pass it to gpsFlags with the site's point. */
  readonly gps: PhotoGps | null;
}

export type InspectionResult = AcceptedEvidence | EvidenceRefusal;

/**
 * Decides whether one uploaded file is acceptable evidence, and what is known of it. Checks run cheapest first and
 * each refusal names its problem: the name, the size, the type from the magic number, then the structure (the
 * declared pixel count before any decoder runs), a full decode for photos, and the active-content rule for PDFs.
 */
export async function inspectUpload(upload: {
  readonly bytes: Uint8Array;
  readonly fileName: string;
}): Promise<InspectionResult> {
  const { bytes, fileName } = upload;
  const nameRefusal = checkFileName(fileName);
  if (nameRefusal) return nameRefusal;
  if (bytes.length === 0) return refuse('EMPTY_FILE', 'The file is empty.');
  if (bytes.length > MAX_FILE_BYTES)
    return refuse(
      'FILE_TOO_LARGE',
      `The file is ${megabytes(bytes.length)} (${bytes.length} bytes); the limit is ${megabytes(MAX_FILE_BYTES)} ` +
        `(${MAX_FILE_BYTES} bytes) per file.`,
    );

  const type = await sniffType(bytes);
  if (typeof type !== 'string') return type;

  let width: number | null = null;
  let height: number | null = null;
  let gps: PhotoGps | null = null;
  if (isPhotoType(type)) {
    const structure = readPhotoStructure(bytes, type);
    if ('ok' in structure) return structure;
    const problem = await decodeProblem(bytes);
    if (problem !== undefined) return corrupt(type, `it does not decode: ${problem}`);
    ({ width, height } = structure);
    gps = await readGps(bytes, type, structure.exif);
  } else {
    const refusal = inspectPdf(bytes);
    if (refusal) return refusal;
  }

  return {
    ok: true,
    type,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
    displayName: displayName(fileName, type),
    width,
    height,
    gps,
  };
}

/**
 * Refuses a record (a status change or a report) that would hold more than MAX_FILES_PER_RECORD files: pass the
 * count it would have with the new uploads, those already attached included.
 */
export function checkAttachmentCount(count: number): EvidenceRefusal | undefined {
  if (count <= MAX_FILES_PER_RECORD) return undefined;
  return refuse(
    'TOO_MANY_FILES',
    `A record holds at most ${MAX_FILES_PER_RECORD} files; this would make ${count}. Remove ${count - MAX_FILES_PER_RECORD}.`,
  );
}
