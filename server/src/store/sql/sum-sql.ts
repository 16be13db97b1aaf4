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

/**
 * The sum of a load expression, each term capped; in the order of `order` when given, so that the total does not
 * hang on the plan's row order (float addition is not associative: two plans could rank equal-looking totals
 * apart by their last bit). Both stores take ORDER BY inside an aggregate (SQLite since 3.44).
 */
export const loadSumSql = (value: Sql, order?: Sql): Sql =>
  order ? sql`sum(${sumTermSql(value)} ORDER BY ${order})` : sql`sum(${sumTermSql(value)})`;
