import { constants, inflateSync } from 'node:zlib';
import { MAX_PDF_INFLATED_BYTES } from './limits';
import { refuse, type EvidenceRefusal } from './refusal';

/**
 * The PDF rule (docs/evidence.md): no active content. A PDF is refused when it names a script, an action that runs
 * or submits something, an embedded file, or an XFA form, wherever the name is written: in the plain objects, in
 * the compressed object streams (PDF 1.5) where any object that is not itself a stream can be put, or even in the
 * data of another stream (where a lenient reader repairing a broken file may find objects).
 *
 * Written here, not taken from a library: the PDF libraries on npm (pdf.js, pdf-lib) parse to render or edit, and
 * would put a whole PDF interpreter on the upload path; this needs only the objects' syntax and the names in it.
 * What it reads:
 * - the objects outside stream data: every name of ACTIVE_PDF_NAMES;
 * - the raw data of every stream: only the names too long to occur by chance (binary data holds "/JS " about once
 *   in 200 MB, "/JavaScript" never). That is enough, as no script runs without a /JavaScript (the action's /S or the
 *   document's script tree); and an object stream or cross-reference stream there is refused as uninspectable;
 * - the object streams, found by /Type /ObjStm and by the cross-reference streams' list of where compressed
 *   objects live (Poppler reads an object stream without /Type), inflated with a hard output cap: every name.
 * Page content, fonts and images are never inflated: they cannot hold an action, and not inflating them keeps a
 * scanned document (pages of Flate images that inflate to hundreds of MB) from being taken for a bomb.
 * It is a filter, not a proof: the routes must also serve PDFs as downloads (docs/evidence.md, "Wiring").
 */

/** The names that make a PDF active; each is refused wherever it stands in the object syntax. */
export const ACTIVE_PDF_NAMES: readonly string[] = [
  'JavaScript', // a script action, or the document-level /Names /JavaScript tree
  'JS', // the script itself
  'Launch', // runs a program or opens a file
  'AA', // additional actions: run on open, close, page view, field focus...
  'EmbeddedFile', // an attached file (stream type)
  'EmbeddedFiles', // the document's tree of attached files
  'RichMedia', // Flash and video with their own scripting
  'XFA', // XML forms, which carry scripts of their own
  'SubmitForm', // sends form data to a URL
  'ImportData', // reads form data from a file
  'GoToE', // opens a PDF embedded in this one
];

/** What is looked for in raw stream data: the active names of 3 letters or more (XFA: once in tens of GB by chance). */
const LONG_ACTIVE_NAMES = ACTIVE_PDF_NAMES.filter((name) => name.length >= 3);

/** Acrobat looks for the end-of-file marker within the last 1,024 bytes; a PDF without one there was cut short. */
const EOF_WINDOW = 1024;

interface Stream {
  readonly objectNumber: number | undefined;
  readonly dict: string;
  readonly data: Uint8Array;
  /** The same bytes as text (latin1: one character per byte). */
  readonly raw: string;
}

type Inflated = Uint8Array | EvidenceRefusal;

export function inspectPdf(bytes: Uint8Array): EvidenceRefusal | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!text.slice(-EOF_WINDOW).includes('%%EOF'))
    return refuse('PDF_TRUNCATED', 'The PDF is cut short (it has no end-of-file marker); upload it again.');

  const { streams, syntax } = splitStreams(bytes, text);
  const syntaxNames = namesIn(syntax);
  if (syntaxNames.has('Encrypt'))
    return refuse(
      'PDF_ENCRYPTED',
      'The PDF is encrypted or password-protected, so its content cannot be checked; save or print it to an ' +
        'unprotected PDF and upload that.',
    );
  const plain = firstOf(ACTIVE_PDF_NAMES, syntaxNames);
  if (plain !== undefined) return active(plain, 'in its objects');
  for (const stream of streams) {
    const names = namesIn(stream.raw);
    const inData = firstOf(LONG_ACTIVE_NAMES, names);
    if (inData !== undefined)
      return active(inData, `in the data of a stream (object ${stream.objectNumber ?? '?'})`);
    if (names.has('ObjStm') || names.has('XRef'))
      return uninspectable(
        `object syntax inside the data of a stream (object ${stream.objectNumber ?? '?'})`,
      );
  }

  const budget = { left: MAX_PDF_INFLATED_BYTES };
  const compressed = new Set<number>();
  for (const stream of streams) {
    if (typeOf(stream.dict) !== 'XRef') continue;
    const data = decode(stream, budget, 'cross-reference stream');
    if (!(data instanceof Uint8Array)) return data;
    const listed = objectStreamsListedIn(stream.dict, data);
    if (listed === undefined) return uninspectable('a cross-reference stream it cannot read');
    for (const n of listed) compressed.add(n);
  }
  for (const stream of streams) {
    const isObjectStream =
      typeOf(stream.dict) === 'ObjStm' ||
      (stream.objectNumber !== undefined && compressed.has(stream.objectNumber));
    if (!isObjectStream) continue;
    const data = decode(stream, budget, 'object stream');
    if (!(data instanceof Uint8Array)) return data;
    const hidden = firstOf(ACTIVE_PDF_NAMES, namesIn(Buffer.from(data).toString('latin1')));
    if (hidden !== undefined)
      return active(hidden, `inside a compressed object stream (object ${stream.objectNumber ?? '?'})`);
  }
  return undefined;
}

function active(name: string, where: string): EvidenceRefusal {
  return refuse(
    'PDF_ACTIVE_CONTENT',
    `The PDF contains /${name} ${where}: PDFs with scripts, actions, embedded files or XFA forms are refused. ` +
      'Print it to a new PDF and upload that.',
  );
}

function uninspectable(what: string): EvidenceRefusal {
  return refuse(
    'PDF_UNINSPECTABLE',
    `The PDF has ${what}, so its content cannot be checked; print it to a new PDF and upload that.`,
  );
}

const OBJ_OR_STREAM = /(\d+)\s+\d+\s+obj\b|\bstream(?:\r\n|\n|\r)/g;

/** The streams, each with its dictionary and data, and the file's text with every stream's data left out. */
function splitStreams(bytes: Uint8Array, text: string): { streams: Stream[]; syntax: string } {
  const streams: Stream[] = [];
  const lengths = new IndirectLengths(text);
  const syntaxParts: string[] = [];
  let syntaxFrom = 0;
  let object: { number: number; start: number } | undefined;
  OBJ_OR_STREAM.lastIndex = 0;
  for (let m = OBJ_OR_STREAM.exec(text); m; m = OBJ_OR_STREAM.exec(text)) {
    if (m[1] !== undefined) {
      object = { number: Number(m[1]), start: m.index + m[0].length };
      continue;
    }
    const dict = object && object.start <= m.index ? text.slice(object.start, m.index) : '';
    const dataStart = m.index + m[0].length;
    const dataEnd = streamEnd(text, dict, dataStart, lengths);
    streams.push({
      objectNumber: dict === '' ? undefined : object?.number,
      dict: normaliseNames(dict),
      data: bytes.subarray(dataStart, dataEnd),
      raw: text.slice(dataStart, dataEnd),
    });
    syntaxParts.push(text.slice(syntaxFrom, dataStart));
    syntaxFrom = dataEnd;
    object = undefined;
    OBJ_OR_STREAM.lastIndex = dataEnd;
  }
  syntaxParts.push(text.slice(syntaxFrom));
  return { streams, syntax: syntaxParts.join(' ') };
}

/** Where a stream's data ends: at /Length when it is given (directly or as an object) and lands on `endstream`. */
function streamEnd(text: string, dict: string, dataStart: number, lengths: IndirectLengths): number {
  const length = /\/Length\s+(\d+)(?:\s+(\d+)\s+R\b)?/.exec(dict);
  const n = length?.[2] !== undefined ? lengths.get(`${length[1]} ${length[2]}`) : Number(length?.[1] ?? NaN);
  if (
    n !== undefined &&
    Number.isInteger(n) &&
    /^\s*endstream/.test(text.slice(dataStart + n, dataStart + n + 32))
  )
    return dataStart + n;
  const end = text.indexOf('endstream', dataStart);
  return end === -1 ? text.length : end;
}

/** The objects that are a bare integer (`12 0 obj 3456 endobj`): where producers put a stream's /Length. */
class IndirectLengths {
  #found: Map<string, number> | undefined;
  constructor(private readonly text: string) {}
  get(reference: string): number | undefined {
    if (this.#found === undefined) {
      this.#found = new Map();
      for (const m of this.text.matchAll(/(\d+)\s+(\d+)\s+obj\s*(\d+)\s*endobj/g))
        this.#found.set(`${m[1]} ${m[2]}`, Number(m[3]));
    }
    return this.#found.get(reference);
  }
}

// A name runs from / to the next white-space or delimiter (ISO 32000-1 §7.2.2, §7.3.5). NUL is white-space in
// PDF, so `/JavaScript\0` must end the name there.
// eslint-disable-next-line no-control-regex -- NUL is meant
const NAME = /\/[^\x00\t\n\f\r /[\]<>(){}%]*/g;

/** Names with their #xx escapes decoded (`/J#61vaScript` is /JavaScript). */
function normaliseNames(s: string): string {
  return s.replace(NAME, (name) => decodeName(name));
}

function decodeName(name: string): string {
  return name.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function namesIn(s: string): Set<string> {
  const names = new Set<string>();
  for (const m of s.matchAll(NAME)) names.add(decodeName(m[0].slice(1)));
  return names;
}

function firstOf(wanted: readonly string[], names: Set<string>): string | undefined {
  return wanted.find((name) => names.has(name));
}

function typeOf(dict: string): string | undefined {
  return /\/Type\s*\/(\w+)/.exec(dict)?.[1];
}

const ABBREVIATIONS: Readonly<Record<string, string>> = { Fl: 'FlateDecode' };

function filtersOf(dict: string): string[] {
  const filter = /\/Filter\s*(\[[^\]]*\]|\/[^\s/[\]<>]+)/.exec(dict)?.[1] ?? '';
  return [...filter.matchAll(/\/([^\s/[\]<>]+)/g)].map((m) => {
    const name = m[1] ?? '';
    return ABBREVIATIONS[name] ?? name;
  });
}

function numberIn(dict: string, key: string): number | undefined {
  const m = new RegExp(`/${key}\\s+(\\d+)`).exec(dict);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

/** A syntax-bearing stream, inflated and un-predicted; refused when it takes more than the budget left. */
function decode(stream: Stream, budget: { left: number }, what: string): Inflated {
  let data = stream.data;
  for (const filter of filtersOf(stream.dict)) {
    if (filter !== 'FlateDecode') return uninspectable(`a ${what} encoded with /${filter}`);
    if (budget.left <= 0) return bomb();
    try {
      data = inflateSync(data, { maxOutputLength: budget.left, finishFlush: constants.Z_SYNC_FLUSH });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return bomb();
      return uninspectable(`a damaged ${what}`);
    }
    budget.left -= data.length;
  }
  const predictor = numberIn(stream.dict, 'Predictor') ?? 1;
  if (predictor === 1) return data;
  if (predictor < 10) return uninspectable(`a ${what} with TIFF prediction`);
  const colors = numberIn(stream.dict, 'Colors') ?? 1;
  const bits = numberIn(stream.dict, 'BitsPerComponent') ?? 8;
  const columns = numberIn(stream.dict, 'Columns') ?? 1;
  return unpredictPng(
    data,
    Math.max(1, Math.ceil((colors * bits) / 8)),
    Math.ceil((colors * bits * columns) / 8),
  );
}

function bomb(): EvidenceRefusal {
  return refuse(
    'PDF_DECOMPRESSION_BOMB',
    `The PDF's compressed objects inflate to more than ${MAX_PDF_INFLATED_BYTES / (1024 * 1024)} MB: ` +
      'it is a decompression bomb or not a document we can check.',
  );
}

/** Undoes PNG row prediction (filter byte + row, ISO 32000-1 §7.4.4.4); a short last row is dropped. */
function unpredictPng(data: Uint8Array, bpp: number, rowLength: number): Uint8Array {
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = new Uint8Array(rows * rowLength);
  for (let r = 0; r < rows; r++) {
    const filter = data[r * (rowLength + 1)] ?? 0;
    const src = r * (rowLength + 1) + 1;
    const row = r * rowLength;
    for (let i = 0; i < rowLength; i++) {
      const raw = data[src + i] ?? 0;
      const left = i >= bpp ? (out[row + i - bpp] ?? 0) : 0;
      const up = r > 0 ? (out[row - rowLength + i] ?? 0) : 0;
      const upLeft = r > 0 && i >= bpp ? (out[row - rowLength + i - bpp] ?? 0) : 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) predicted = paeth(left, up, upLeft);
      out[row + i] = (raw + predicted) & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** The object streams a cross-reference stream says hold compressed objects (its type-2 entries), or undefined. */
function objectStreamsListedIn(dict: string, data: Uint8Array): Set<number> | undefined {
  const w = /\/W\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(dict);
  if (!w) return undefined;
  const [w1, w2, w3] = [Number(w[1]), Number(w[2]), Number(w[3])];
  const entry = w1 + w2 + w3;
  if (entry === 0 || w1 > 4 || w2 > 8 || w3 > 8) return undefined;
  const listed = new Set<number>();
  for (let i = 0; i + entry <= data.length; i += entry) {
    const kind = w1 === 0 ? 1 : readBigEndian(data, i, w1);
    if (kind === 2) listed.add(readBigEndian(data, i + w1, w2));
  }
  return listed;
}

function readBigEndian(data: Uint8Array, at: number, width: number): number {
  let n = 0;
  for (let i = 0; i < width; i++) n = n * 256 + (data[at + i] ?? 0);
  return n;
}
