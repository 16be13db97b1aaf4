import type { RowProblem } from './read-rows';

/**
 * The CSV a utility's SCADA/AMI system exports (docs/import.md, "Readings"): a header naming
 * substationExternalId, timestamp and mw (any order; other columns are refused), then one reading per row.
 * The timestamp is ISO 8601 on the hour, with an offset (Z, +08:00, +0800) or without one, read as Beijing
 * time (UTC+8), the time the region's meters keep. A gap between readings is no error: meters drop out.
 */
export const READINGS_COLUMNS = ['substationExternalId', 'timestamp', 'mw'] as const;
/** Rows one import may carry: a utility's year of ~500 meters (4.4M), with room. */
export const MAX_READINGS_ROWS = 5_000_000;
/** Problems listed at most: past that the answer says how many more (a wrong file fails every row). */
export const MAX_LISTED_PROBLEMS = 1000;

export interface ReadingsRead {
  ok: true;
  /** Per good row: its 0-based data-row index, substation externalId, hour since the epoch and MW. */
  index: Int32Array;
  externalIds: string[];
  hours: Int32Array;
  mw: Float64Array;
  problems: RowProblem[];
}
export type ReadingsParse = ReadingsRead | { ok: false; status: 400 | 413; reason: string };

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Hours since the epoch of an ISO timestamp on the hour, or why it is refused. */
export function readTimestamp(text: string): { hour: number } | { problem: string } {
  const m = TIMESTAMP.exec(text);
  if (!m) return { problem: `timestamp "${text}" is not ISO 8601 (YYYY-MM-DDTHH:MM[:SS][±HH:MM|Z])` };
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  const check = new Date(utc);
  if (check.getUTCDate() !== Number(d) || check.getUTCHours() !== Number(h) || Number(mi) > 59)
    return { problem: `timestamp "${text}" is not a real date and time` };
  if (Number(mi) !== 0 || Number(s ?? 0) !== 0 || (frac !== undefined && Number(frac) !== 0))
    return { problem: `timestamp "${text}" is not on the hour: readings are hourly` };
  let offsetMinutes = 8 * 60; // no offset: Beijing time
  if (zone === 'Z') offsetMinutes = 0;
  else if (zone) {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
    if (offsetMinutes % 60 !== 0 || Math.abs(offsetMinutes) > 14 * 60)
      return { problem: `timestamp "${text}" has an offset that is not a whole number of hours` };
  }
  const hour = (utc - offsetMinutes * 60_000) / 3_600_000;
  if (hour < 0 || hour > 2 ** 31 - 1) return { problem: `timestamp "${text}" is out of range` };
  return { hour };
}

/** A cell without its surrounding quotes (a doubled quote inside is one quote). */
const unquote = (cell: string) => {
  const c = cell.trim();
  return c.length >= 2 && c.startsWith('"') && c.endsWith('"') ? c.slice(1, -1).replaceAll('""', '"') : c;
};

/**
 * Reads the file row by row. Each row is checked on its own (a reading's MW a non-negative number, its
 * timestamp on the hour); checks across rows and against the store (unknown substation, duplicate hour) are
 * the import's (services/import-readings.ts). The file is refused as a whole (400/413) when its header is wrong
 * or it has too many rows. Cells hold no commas or line breaks in these exports, so a line is a row.
 */
export function readReadingsCsv(text: string): ReadingsParse {
  const lines = text.split(/\r\n|\n|\r/);
  let first = 0;
  while (first < lines.length && lines[first]!.trim() === '') first++;
  if (first === lines.length) return { ok: false, status: 400, reason: 'the CSV is empty: no header' };
  const header = lines[first]!.replace(/^\ufeff/, '')
    .split(',')
    .map(unquote);
  const at = Object.fromEntries(READINGS_COLUMNS.map((name) => [name, header.indexOf(name)])) as Record<
    (typeof READINGS_COLUMNS)[number],
    number
  >;
  for (const name of header)
    if (!(READINGS_COLUMNS as readonly string[]).includes(name))
      return {
        ok: false,
        status: 400,
        reason: `unknown column "${name}"; the columns are ${READINGS_COLUMNS.join(', ')}`,
      };
  for (const name of READINGS_COLUMNS)
    if (at[name] === -1) return { ok: false, status: 400, reason: `the column "${name}" is missing` };
  if (new Set(header).size !== header.length)
    return { ok: false, status: 400, reason: 'a column appears twice' };

  const capacity = lines.length - first - 1;
  if (capacity > MAX_READINGS_ROWS) {
    let rows = 0;
    for (let i = first + 1; i < lines.length; i++) if (lines[i]!.trim() !== '') rows++;
    if (rows > MAX_READINGS_ROWS)
      return { ok: false, status: 413, reason: `the CSV has more than ${MAX_READINGS_ROWS} rows; split it` };
  }
  const index = new Int32Array(Math.max(0, capacity));
  const hours = new Int32Array(Math.max(0, capacity));
  const mw = new Float64Array(Math.max(0, capacity));
  const externalIds: string[] = [];
  const problems: RowProblem[] = [];
  let n = 0;
  let row = -1;
  for (let i = first + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    row++;
    const cells = line.split(',');
    if (cells.length !== header.length) {
      problems.push({
        index: row,
        message: `line ${i + 1}: ${cells.length} cells, the header has ${header.length}`,
      });
      continue;
    }
    const externalId = unquote(cells[at.substationExternalId]!);
    const stamp = readTimestamp(unquote(cells[at.timestamp]!));
    const mwText = unquote(cells[at.mw]!);
    const value = Number(mwText);
    const messages: string[] = [];
    if (externalId === '') messages.push('substationExternalId is empty');
    if ('problem' in stamp) messages.push(stamp.problem);
    if (!NUMBER.test(mwText) || !Number.isFinite(value)) messages.push(`mw "${mwText}" is not a number`);
    else if (value < 0) messages.push(`mw ${mwText} is negative`);
    if (messages.length || 'problem' in stamp) {
      problems.push({ index: row, ...(externalId ? { externalId } : {}), message: messages.join('; ') });
      continue;
    }
    index[n] = row;
    hours[n] = stamp.hour;
    mw[n] = value;
    externalIds.push(externalId);
    n++;
  }
  return {
    ok: true,
    index: index.subarray(0, n),
    externalIds,
    hours: hours.subarray(0, n),
    mw: mw.subarray(0, n),
    problems,
  };
}
