import { MAX_FILE_NAME_CHARS } from './limits';
import { refuse, type EvidenceRefusal } from './refusal';
import type { EvidenceType } from './sniff';

/**
 * The decision (docs/evidence.md, "File names"): a name that could act as a path or hide what it is is REFUSED,
 * not repaired. The name is only ever shown (storage is keyed by the SHA-256 of the bytes), so a repaired name
 * would be harmless; but a browser's File.name is always a bare name, so a name with a separator, a NUL or a
 * control character comes from a broken or hostile client, and the crew is better told than silently renamed.
 */

/** Bidirectional controls: they make `invoice` + U+202E + `gpj.exe` display as `invoiceexe.jpg`. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const CONTROL = /\p{Cc}/u;
const LONE_SURROGATE = /\p{Cs}/u;
const DRIVE = /^[A-Za-z]:/;

const EXTENSIONS: Readonly<Record<EvidenceType, readonly string[]>> = {
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
};

/** Refuses a name that is a path, has control or bidi characters, or is too long; undefined when it is fine. */
export function checkFileName(fileName: string): EvidenceRefusal | undefined {
  const name = fileName.normalize('NFC');
  const unsafe = (why: string) =>
    refuse('UNSAFE_FILE_NAME', `The file name ${why}; rename the file and retry.`);
  if (name.includes('\u0000')) return unsafe('contains a NUL byte');
  if (CONTROL.test(name)) return unsafe('contains a control character');
  if (LONE_SURROGATE.test(name)) return unsafe('is not valid Unicode');
  if (BIDI_CONTROLS.test(name)) return unsafe('contains a text-direction control character');
  if (name.includes('/') || name.includes('\\'))
    return unsafe('contains a path separator ("/" or "\\"): a file name must not be a path');
  if (DRIVE.test(name)) return unsafe('starts with a drive letter (an absolute path)');
  if (name.trim() === '.' || name.trim() === '..') return unsafe('is a directory reference');
  if ([...name].length > MAX_FILE_NAME_CHARS)
    return unsafe(`is longer than ${MAX_FILE_NAME_CHARS} characters`);
  return undefined;
}

/**
 * The name shown in the history panel and offered on download, for a name that passed checkFileName: trimmed,
 * NFC, and ending in an extension of the type found in the bytes (`photo` → `photo.jpg`, a PNG named `x.jpg` →
 * `x.jpg.png`), so a downloaded file opens with the program its bytes call for. An empty name becomes `evidence`.
 */
export function displayName(fileName: string, type: EvidenceType): string {
  const name = fileName.normalize('NFC').trim() || 'evidence';
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const extensions = EXTENSIONS[type];
  return extensions.includes(extension) ? name : `${name}.${extensions[0] ?? ''}`;
}
