import { raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { SUM_TERM_CAP_MW } from '../../domain/sum-term';

// Literals, not bound parameters (PostgreSQL cannot type a parameter in a THEN), cast to the loads' type.
const CAP = raw(`CAST(${SUM_TERM_CAP_MW.toFixed(1)} AS DOUBLE PRECISION)`);
const MINUS_CAP = raw(`CAST(${(-SUM_TERM_CAP_MW).toFixed(1)} AS DOUBLE PRECISION)`);

/**
 * A load as every sum in SQL counts it (domain/sum-term.ts): as stored within ±SUM_TERM_CAP_MW, else the cap
 * with its sign, so that no total overflows — SQLite's SUM of REAL would become infinity (JSON null),
 * PostgreSQL's would fail with "value out of range". PostgreSQL orders NaN above every number, so a NaN counts
 * as the cap, as sumTerm counts it. The same SQL on both stores.
 */
export const sumTermSql = (value: Sql): Sql =>
  sql`(CASE WHEN ${value} > ${CAP} THEN ${CAP} WHEN ${value} < ${MINUS_CAP} THEN ${MINUS_CAP} ELSE ${value} END)`;

/** The sum of a load expression, each term capped. */
export const loadSumSql = (value: Sql): Sql => sql`sum(${sumTermSql(value)})`;
