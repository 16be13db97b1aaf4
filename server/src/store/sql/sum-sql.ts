import { join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { SUM_TERM_CAP_MW, WATTS_PER_MW } from '../../domain/sum-term';

// Literals, not bound parameters (PostgreSQL cannot type a parameter in a THEN), cast to the loads' type.
const CAP = raw(`CAST(${SUM_TERM_CAP_MW.toFixed(1)} AS DOUBLE PRECISION)`);
const MINUS_CAP = raw(`CAST(${(-SUM_TERM_CAP_MW).toFixed(1)} AS DOUBLE PRECISION)`);
const WATTS = raw(WATTS_PER_MW.toFixed(1));

/**
 * A load as every sum in SQL counts it (domain/sum-term.ts): as stored within ±SUM_TERM_CAP_MW, else the cap
 * with its sign, so that no total overflows — SQLite's SUM of REAL would become infinity (JSON null),
 * PostgreSQL's would fail with "value out of range". PostgreSQL orders NaN above every number, so a NaN counts
 * as the cap, as sumTerm counts it. The same SQL on both stores.
 */
export const sumTermSql = (value: Sql): Sql =>
  sql`(CASE WHEN ${value} > ${CAP} THEN ${CAP} WHEN ${value} < ${MINUS_CAP} THEN ${MINUS_CAP} ELSE ${value} END)`;

/**
 * A load's term in whole watts, as termWatts computes it (capped, times 10⁶, rounded half up), a double: NULL
 * stays NULL. Both stores multiply, add and floor in IEEE doubles as JavaScript does.
 */
export const termWattsSql = (value: Sql): Sql => sql`floor(${sumTermSql(value)} * ${WATTS} + 0.5)`;

/**
 * The exact sum of a load expression in megawatts: its terms in whole watts (termWattsSql), added as doubles —
 * exact, and so the same in any order and on either store, below 2^53 W (domain/sum-term.ts) — then divided
 * once. NULL where no row counts, as SUM.
 */
export const loadSumSql = (value: Sql): Sql => sql`(sum(${termWattsSql(value)}) / ${WATTS})`;

/** A stored total in whole watts (an integer column) as megawatts, a double on both stores. */
export const wattsColumnMwSql = (watts: Sql): Sql => sql`(CAST(${watts} AS DOUBLE PRECISION) / ${WATTS})`;

/** An upsert's SET on `table` that adds the new row's `columns` (counts, watts) to the kept row's. */
export const addToKeptSql = (table: string, columns: readonly string[]): Sql =>
  join(columns.map((c) => raw(`${c} = ${table}.${c} + excluded.${c}`)));
