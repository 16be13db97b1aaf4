/**
 * CSV as RFC 4180 writes it (and Excel saves it): comma-separated, fields optionally in double quotes, a quote
 * inside a quoted field doubled, quoted fields may hold commas and line breaks. Records end with CRLF, LF or CR;
 * a byte-order mark at the start and blank lines are skipped. The first record is the header.
 */

export interface CsvRecord {
  /** 1-based line of the file where the record starts, for messages a person can find in a spreadsheet. */
  line: number;
  cells: string[];
}

export type CsvParse =
  { ok: true; header: string[]; records: CsvRecord[] } | { ok: false; tooMany: boolean; reason: string };

/**
 * Parses the whole text, stopping as soon as there are more than `maxRecords` data records, so an oversized
 * file is refused before anything is built from it.
 */
export function parseCsv(text: string, maxRecords = Number.POSITIVE_INFINITY): CsvParse {
  const records: CsvRecord[] = [];
  let header: string[] | null = null;
  let cells: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Whether the current record has any content: a line with nothing on it is skipped, not a record.
  let started = false;

  const endRecord = (): CsvParse | null => {
    cells.push(field);
    field = '';
    if (started) {
      if (header === null) header = cells;
      else {
        records.push({ line: recordLine, cells });
        if (records.length > maxRecords)
          return { ok: false, tooMany: true, reason: `the CSV has more than ${maxRecords} rows` };
      }
    }
    cells = [];
    started = false;
    return null;
  };

  while (i < text.length) {
    const ch = text[i];
    if (!started) recordLine = line;
    if (ch === '"') {
      if (field !== '')
        return { ok: false, tooMany: false, reason: `line ${line}: a quote inside an unquoted field` };
      started = true;
      let j = i + 1;
      for (;;) {
        const close = text.indexOf('"', j);
        if (close === -1)
          return { ok: false, tooMany: false, reason: `line ${recordLine}: a quoted field is never closed` };
        field += text.slice(j, close);
        if (text[close + 1] === '"') {
          field += '"';
          j = close + 2;
        } else {
          j = close + 1;
          break;
        }
      }
      line += countLineBreaks(text, i, j);
      i = j;
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n')
        return { ok: false, tooMany: false, reason: `line ${line}: text after the closing quote of a field` };
      continue;
    }
    if (ch === ',') {
      started = true;
      cells.push(field);
      field = '';
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      const failed = endRecord();
      if (failed) return failed;
      line += 1;
      continue;
    }
    started = true;
    const stop = nextSpecial(text, i);
    field += text.slice(i, stop);
    i = stop;
  }
  if (started) {
    const failed = endRecord();
    if (failed) return failed;
  }
  if (header === null)
    return { ok: false, tooMany: false, reason: 'the CSV is empty: it needs a header row' };
  return { ok: true, header, records };
}

/** The index of the next character that ends an unquoted run: a comma, a quote or a line break. */
function nextSpecial(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x2c || c === 0x22 || c === 0x0d || c === 0x0a) break;
    i += 1;
  }
  return i;
}

/** Line breaks (CRLF, LF or CR, each counted once) inside text[from, to). */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) count += 1;
  }
  return count;
}
