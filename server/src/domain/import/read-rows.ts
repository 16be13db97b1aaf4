import { parseCsv } from './csv';
import { number, readFields, type Field } from './fields';
import { CRS_REFUSED, readGeometry, type Crs } from './import-geometry';
import { IMPORT_RULES, type ImportLayer, type ImportRecord } from './import-layers';

/**
 * 200,000 rows is several times the largest utility report we expect and still a few seconds of work; a CSV of a
 * million rows fits in the 20 MB body limit, so the cap is what refuses it (QUALITY.md §5), while parsing.
 */
export const MAX_IMPORT_ROWS = 200_000;

/** A refused row: `index` is 0-based, over the features or the CSV's data rows (API.md, IMPORT_INVALID). */
export interface RowProblem {
  index: number;
  externalId?: string;
  message: string;
}

export interface ImportRow<L extends ImportLayer> {
  index: number;
  record: ImportRecord<L>;
}

export type RowsRead<L extends ImportLayer> =
  { ok: true; rows: ImportRow<L>[]; problems: RowProblem[] } | FileRefusal;

/** A body refused as a whole (not row by row): malformed (400), too many rows (413), wrong media type (415). */
export interface FileRefusal {
  ok: false;
  status: 400 | 413 | 415;
  reason: string;
  path: string;
}

export type CsvEncoding = 'utf8' | 'gb18030';

const refuse = (status: FileRefusal['status'], reason: string, path = '/'): FileRefusal => ({
  ok: false,
  status,
  reason,
  path,
});

const FEATURE_MEMBERS = new Set(['type', 'id', 'geometry', 'properties', 'bbox']);
const COLLECTION_MEMBERS = new Set(['type', 'features', 'bbox', 'name']);

/** Collects the messages of each row, so that a row with several faults is one entry naming them all. */
class Problems {
  private readonly byIndex = new Map<number, { externalId?: string; messages: string[] }>();

  add(index: number, externalId: string | undefined, message: string): void {
    const entry = this.byIndex.get(index) ?? {
      ...(externalId === undefined ? {} : { externalId }),
      messages: [],
    };
    entry.messages.push(message);
    this.byIndex.set(index, entry);
  }

  has(index: number): boolean {
    return this.byIndex.has(index);
  }

  list(): RowProblem[] {
    return [...this.byIndex.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, { externalId, messages }]) => ({
        index,
        ...(externalId === undefined ? {} : { externalId }),
        message: messages.join('; '),
      }));
  }
}

/** The rows of a GeoJSON FeatureCollection (JSON already parsed strictly), each checked against the layer's rules. */
export function readFeatureCollection<L extends ImportLayer>(layer: L, body: unknown, crs: Crs): RowsRead<L> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return refuse(400, 'the body must be a GeoJSON FeatureCollection object');
  const collection = body as Record<string, unknown>;
  if (collection.type !== 'FeatureCollection')
    return refuse(
      400,
      `the body must be a GeoJSON FeatureCollection, not ${String(collection.type)}`,
      '/type',
    );
  if (Object.hasOwn(collection, 'crs')) return refuse(400, CRS_REFUSED, '/crs');
  const unknown = Object.keys(collection).find((key) => !COLLECTION_MEMBERS.has(key));
  if (unknown !== undefined)
    return refuse(400, `unknown member "${unknown}" of the FeatureCollection`, `/${unknown}`);
  const { features } = collection;
  if (!Array.isArray(features)) return refuse(400, 'features must be an array', '/features');
  if (features.length > MAX_IMPORT_ROWS)
    return refuse(
      413,
      `the import has ${features.length} features; at most ${MAX_IMPORT_ROWS} are accepted`,
      '/features',
    );

  const { kind, fields } = IMPORT_RULES[layer];
  const problems = new Problems();
  const rows: ImportRow<L>[] = [];
  const externalIds: (string | undefined)[] = [];
  for (const [index, feature] of features.entries()) {
    if (
      typeof feature !== 'object' ||
      feature === null ||
      Array.isArray(feature) ||
      feature.type !== 'Feature'
    ) {
      externalIds.push(undefined);
      problems.add(index, undefined, 'the feature must be a GeoJSON Feature object');
      continue;
    }
    const properties = (feature as { properties?: unknown }).properties;
    const props =
      typeof properties === 'object' && properties !== null && !Array.isArray(properties) ? properties : null;
    const externalId = labelOf(props);
    externalIds.push(externalId);
    const fault = (message: string) => problems.add(index, externalId, message);
    if (Object.hasOwn(feature, 'crs')) fault(CRS_REFUSED);
    for (const key of Object.keys(feature))
      if (!FEATURE_MEMBERS.has(key) && key !== 'crs') fault(`unknown member "${key}" of the feature`);
    if (props === null) {
      fault('properties must be an object');
      continue;
    }
    for (const key of Object.keys(props))
      if (!Object.hasOwn(fields, key))
        fault(`unknown property "${key}"; the properties of ${layer} are ${Object.keys(fields).join(', ')}`);
    const read = readFields(fields, props as Record<string, unknown>, 'json');
    if (!read.ok) read.messages.forEach(fault);
    const geometry = readGeometry(kind, (feature as { geometry?: unknown }).geometry, crs);
    if (!geometry.ok) fault(geometry.reason);
    if (read.ok && geometry.ok && !problems.has(index))
      rows.push({ index, record: { properties: read.value, geometry: geometry.value } as ImportRecord<L> });
  }
  flagDuplicates(externalIds, problems);
  return { ok: true, rows: rows.filter((row) => !problems.has(row.index)), problems: problems.list() };
}

/** The rows of a CSV body (point layers: `lon`, `lat` and the layer's properties as columns). */
export function readCsv<L extends ImportLayer>(
  layer: L,
  bytes: Uint8Array,
  encoding: CsvEncoding,
  crs: Crs,
): RowsRead<L> {
  const { kind, fields } = IMPORT_RULES[layer];
  if (kind !== 'point')
    return refuse(415, `CSV carries points (lon, lat columns); send ${layer} as a GeoJSON FeatureCollection`);
  let text: string;
  try {
    // fatal: a file in another encoding is refused, not stored as mojibake.
    text = new TextDecoder(encoding === 'gb18030' ? 'gb18030' : 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    const hint =
      encoding === 'utf8' ? '; a CSV saved by Excel in China is GB 18030: send ?encoding=gb18030' : '';
    return refuse(400, `the CSV is not valid ${encoding === 'utf8' ? 'UTF-8' : 'GB 18030'}${hint}`);
  }
  const table = parseCsv(text, MAX_IMPORT_ROWS);
  if (!table.ok) return refuse(table.tooMany ? 413 : 400, table.reason);

  const header = table.header.map((name) => name.trim());
  const columns = new Set(['lon', 'lat', ...Object.keys(fields)]);
  const seen = new Set<string>();
  for (const name of header) {
    if (!columns.has(name))
      return refuse(400, `unknown column "${name}"; the columns of ${layer} are ${[...columns].join(', ')}`);
    if (seen.has(name)) return refuse(400, `the column "${name}" appears twice`);
    seen.add(name);
  }
  const requiredColumns = [
    'lon',
    'lat',
    ...Object.entries(fields)
      .filter(([, f]) => (f as Field<unknown>).required)
      .map(([n]) => n),
  ];
  const missing = requiredColumns.filter((name) => !seen.has(name));
  if (missing.length) return refuse(400, `the CSV has no column ${missing.map((m) => `"${m}"`).join(', ')}`);

  const coordinate = number();
  const problems = new Problems();
  const rows: ImportRow<L>[] = [];
  const externalIds: (string | undefined)[] = [];
  for (const [index, { line, cells }] of table.records.entries()) {
    // The row as properties by column name (the names are the checked header's, no prototype keys); one object,
    // not a Map copied into one: this loop runs for each of up to 200,000 rows.
    const cell: Record<string, string> = {};
    for (let c = 0; c < header.length; c++) cell[header[c]!] = cells[c] ?? '';
    const externalId = labelOf(cell);
    externalIds.push(externalId);
    const fault = (message: string) => problems.add(index, externalId, `line ${line}: ${message}`);
    if (cells.length !== header.length) {
      fault(`the row has ${cells.length} cells; the header has ${header.length}`);
      continue;
    }
    const read = readFields(fields, cell, 'csv');
    if (!read.ok) read.messages.forEach(fault);
    const [lon, lat] = (['lon', 'lat'] as const).map((name) => {
      const value = cell[name] ?? '';
      const parsed = value.trim() === '' ? null : coordinate.csv(value);
      if (parsed === null) fault(`${name} is required`);
      else if (!parsed.ok) fault(`${name} ${parsed.reason}`);
      return parsed?.ok ? parsed.value : null;
    });
    if (typeof lon !== 'number' || typeof lat !== 'number') continue;
    const geometry = readGeometry(kind, { type: 'Point', coordinates: [lon, lat] }, crs);
    if (!geometry.ok) fault(geometry.reason.replace(' at /coordinates', ''));
    if (read.ok && geometry.ok)
      rows.push({ index, record: { properties: read.value, geometry: geometry.value } as ImportRecord<L> });
  }
  flagDuplicates(externalIds, problems);
  return { ok: true, rows: rows.filter((row) => !problems.has(row.index)), problems: problems.list() };
}

function labelOf(properties: object | null): string | undefined {
  const value = properties === null ? undefined : (properties as { externalId?: unknown }).externalId;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Each later occurrence of an externalId is a bad row; the first is judged on its own. */
function flagDuplicates(externalIds: readonly (string | undefined)[], problems: Problems): void {
  const first = new Map<string, number>();
  for (const [index, externalId] of externalIds.entries()) {
    if (externalId === undefined) continue;
    const earlier = first.get(externalId);
    if (earlier === undefined) first.set(externalId, index);
    else
      problems.add(index, externalId, `externalId "${externalId}" appears again (first at index ${earlier})`);
  }
}
