/** Why an upload is refused: a stable code for the client and the audit log, and a message a crew can act on. */
export type EvidenceErrorCode =
  | 'EMPTY_FILE'
  | 'FILE_TOO_LARGE'
  | 'TOO_MANY_FILES'
  | 'UNSAFE_FILE_NAME'
  | 'EXECUTABLE'
  | 'ARCHIVE'
  | 'UNSUPPORTED_TYPE'
  | 'IMAGE_TRUNCATED'
  | 'IMAGE_CORRUPT'
  | 'IMAGE_TOO_MANY_PIXELS'
  | 'PDF_TRUNCATED'
  | 'PDF_ACTIVE_CONTENT'
  | 'PDF_ENCRYPTED'
  | 'PDF_UNINSPECTABLE'
  | 'PDF_DECOMPRESSION_BOMB';

export interface EvidenceRefusal {
  readonly ok: false;
  readonly code: EvidenceErrorCode;
  readonly message: string;
}

export function refuse(code: EvidenceErrorCode, message: string): EvidenceRefusal {
  return { ok: false, code, message };
}

/** Megabytes with one decimal, for messages. */
export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
