/**
 * A layer's column table: each stored attribute once — its SQL column, its API property, how a raw row holds
 * it, whether seed and import rows carry it and how an import checks it. The server builds its SELECT, INSERT
 * and UPDATE lists, row readers, seed loaders and import rules from these tables (server/src/store/columns);
 * the API, seed and import row types are derived here. Migrations stay hand-written SQL.
 */
import { Type, type Static, type TSchema } from 'typebox';

/**
 * How an import row's value is checked (server/src/domain/import/fields.ts holds the parsers). A number has
 * both bounds, each stated beside its column with the reason: a value outside them is a typo or an attack
 * (`loadMw: 1e20` once broke every tile of its site), and the import refuses it, naming row, column and bound.
 */
export type ImportCheck =
  | { readonly type: 'text' }
  | { readonly type: 'date' }
  | { readonly type: 'oneOf'; readonly values: readonly string[] }
  | {
      readonly type: 'number' | 'integer';
      readonly min: number;
      /** Whether `min` itself is refused (a voltage must be > 0, a load may be 0). */
      readonly exclusive?: boolean;
      readonly max: number;
    };

export interface ImportRule {
  readonly check: ImportCheck;
  /** Absent from a row: refused when required, else stored as `absent` (a row is the whole record). */
  readonly required: boolean;
  readonly absent?: string | number | null;
}

/** The tables whose rows seed and import rows name by externalId. */
export type ReferencedTable = 'substations' | 'utilities' | 'lines';

/** A column that holds another table's id; seed and import rows name that row by its externalId instead. */
export interface ColumnReference {
  readonly table: ReferencedTable;
  /** The property of seed and import rows that carries the externalId. */
  readonly name: string;
}

export interface ColumnSpec {
  /** The column of the layer's table (both migrations), or of the joined row `joined`. */
  readonly sql: string;
  /** The alias of a row the layer's FROM joins (read only: never seeded or imported). */
  readonly joined?: string;
  /** The value's type as the API serves it (and, unless a reference, as seed and import rows carry it). */
  readonly schema: TSchema;
  /** Whether features served by the API carry it. */
  readonly served: boolean;
  /** How the drivers hand it back in a raw row (SQLite 0/1 booleans, PostgreSQL numerics as text); from the schema. */
  readonly read: 'text' | 'int' | 'real' | 'bool';
  /** Whether the value may be null: the schema is a union with null. */
  readonly nullable: boolean;
  /** Whether seed rows carry it; when not, the loaders leave it to the column's default (NULL). */
  readonly seeded: boolean;
  /** The import's rule; null: imports do not write it. */
  readonly imported: ImportRule | null;
  readonly reference: ColumnReference | null;
}

/** What a table entry says; the rest has the ordinary value or is read off the schema (`column`). */
type ColumnGiven = Pick<ColumnSpec, 'sql' | 'schema'> &
  Partial<Pick<ColumnSpec, 'joined' | 'served' | 'seeded' | 'imported' | 'reference'>>;

/** An ordinary column: served, seeded, not imported, no reference. */
const ORDINARY = { served: true, seeded: true, imported: null, reference: null } as const;

type JsonSchema = { type?: unknown; anyOf?: JsonSchema[]; enum?: unknown };

/** How the drivers hand back a value of this schema: enums are text; a nullable union reads as its other member. */
function readOf(schema: JsonSchema): ColumnSpec['read'] {
  const member = schema.anyOf?.find((s) => s.type !== 'null') ?? schema;
  if (member.enum !== undefined || member.type === 'string') return 'text';
  if (member.type === 'integer') return 'int';
  if (member.type === 'number') return 'real';
  if (member.type === 'boolean') return 'bool';
  throw new Error(
    `a column's schema must be text, a number, an integer or a boolean, or one of them or null`,
  );
}

/**
 * A table entry: what differs from an ordinary column. How a raw row holds the value and whether it may be null
 * are read off the schema, so they cannot disagree with what the API serves.
 */
export function column<const C extends ColumnGiven>(
  given: C,
): Omit<typeof ORDINARY, keyof C> & C & Pick<ColumnSpec, 'read' | 'nullable'> {
  const schema = given.schema as JsonSchema;
  return {
    ...ORDINARY,
    ...given,
    read: readOf(schema),
    nullable: schema.anyOf?.some((s) => s.type === 'null') ?? false,
  } as Omit<typeof ORDINARY, keyof C> & C & Pick<ColumnSpec, 'read' | 'nullable'>;
}

/** Import rules that recur: a required text, and an optional one with what its absence stores. */
export const REQUIRED_TEXT = { check: { type: 'text' }, required: true } as const;
export const optionalText = <const A extends string | null>(absent: A) =>
  ({ check: { type: 'text' }, required: false, absent }) as const;

/** A layer's columns by API property name, in the order features list their properties. */
export type ColumnTable = Readonly<Record<string, ColumnSpec>>;

type ServedKey<T extends ColumnTable, K extends keyof T> = T[K]['served'] extends true ? K : never;
type SeededKey<T extends ColumnTable, K extends keyof T> = T[K]['seeded'] extends true ? K : never;
type ImportedKey<T extends ColumnTable, K extends keyof T> = T[K]['imported'] extends null ? never : K;

/** The name of a column in seed and import rows: a reference's externalId property, else the API name. */
type RowName<C extends ColumnSpec, K> = C['reference'] extends { name: infer N extends string } ? N : K;
/** The value of a column in seed and import rows: a reference is an externalId. */
type RowValue<C extends ColumnSpec> = C['reference'] extends ColumnReference
  ? null extends Static<C['schema']>
    ? string | null
    : string
  : C['imported'] extends { check: { type: 'oneOf'; values: readonly (infer V)[] } }
    ? V
    : Static<C['schema']>;

/** The API properties' schemas of a table (for Type.Object). */
export type ServedSchemas<T extends ColumnTable> = {
  -readonly [K in keyof T as ServedKey<T, K>]: T[K]['schema'];
};
/** The properties of a seed row that the table describes. */
export type SeedValues<T extends ColumnTable> = {
  -readonly [K in keyof T as RowName<T[K], SeededKey<T, K>>]: RowValue<T[K]>;
};
/** The properties of an import row, as read and checked (absent optional ones filled in). */
export type ImportValues<T extends ColumnTable> = {
  -readonly [K in keyof T as RowName<T[K], ImportedKey<T, K>>]: RowValue<T[K]>;
};

/** The name a seed or import row gives the column. */
export const rowName = (name: string, column: ColumnSpec): string => column.reference?.name ?? name;

/** The schemas of the served columns, in table order, for the API's properties object. */
export function servedSchemas<T extends ColumnTable>(table: T): ServedSchemas<T> {
  const schemas: Record<string, TSchema> = {};
  for (const [name, column] of Object.entries(table)) if (column.served) schemas[name] = column.schema;
  return schemas as ServedSchemas<T>;
}

/** The name and Chinese name of the utility a layer's FROM joins as `u` (sites, substations): served only. */
export const UTILITY_NAME_COLUMNS = {
  utilityName: column({
    sql: 'name',
    joined: 'u',
    schema: Type.Union([Type.String(), Type.Null()]),
    seeded: false,
  }),
  utilityNameZh: column({
    sql: 'name_zh',
    joined: 'u',
    schema: Type.Union([Type.String(), Type.Null()]),
    seeded: false,
  }),
};
