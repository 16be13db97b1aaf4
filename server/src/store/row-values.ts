/**
 * Values of raw SQL rows, normalised once: drivers return SQLite booleans as 0/1 and PostgreSQL numerics and
 * bigints sometimes as text or bigint. Used by every reader of `$queryRaw` rows.
 */
export type Row = Record<string, unknown>;

export const bool = (v: unknown): boolean => v === true || v === 1 || v === 1n || v === '1' || v === 't';
export const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
export const int = (v: unknown): number => Math.trunc(num(v));
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : num(v));
export const intOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : int(v));
export const str = (v: unknown): string => String(v);
export const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
/** A Point from a row's lon/lat columns. */
export const pointOf = (row: Row) => ({ type: 'Point' as const, coordinates: [num(row.lon), num(row.lat)] });
