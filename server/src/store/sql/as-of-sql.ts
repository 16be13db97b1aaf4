import { join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { Bbox } from '../../domain/geo/bbox';
import type { ProgressInputs } from '../../domain/progress';
import { ILLEGAL_DRAWING, type Status } from '@gridwatch/contract';
import { rowToFeature } from '../feature-rows';
import type { LayerFilter, LayerPage } from '../store';
import { filterWhere, inIdOrder, pageOrder } from './filter-sql';
import { LAYER_SQL } from './layer-sql';
import { SCOPED } from './scoped-sql';
import type { Row } from '../row-values';
import type { Backend } from '../store';
import { firstPerGroupSql } from './first-per-group-sql';

/** What these queries need of either store's Prisma client. */
interface QueryClient {
  $queryRaw<T = unknown>(query: Sql): Promise<T>;
}

/**
 * A column of the last status change of site `t` at or before the instant: the latest `at`, then the latest
 * id, as the site's history orders them. `at` is ISO 8601 UTC text with milliseconds on both stores, so text
 * order is time order, and the (site_id, at) index serves the lookup.
 */
const lastChange = (column: 'id' | 'to_status', at: string): Sql => sql`(SELECT ${raw(`c.${column}`)}
  FROM status_changes c WHERE c.site_id = t.id AND c.at <= ${at} ORDER BY c.at DESC, c.id DESC LIMIT 1)`;

/**
 * Every site's status at the instant, as rows (site_id, status) to join: the last change at or before it, in
 * the order lastChange uses, computed once over the history rather than looked up for each row (or each
 * substation–site pair) of the query around it. Sites with no record by then have no row.
 */
export const statusesAtSql = (backend: Backend, at: string): Sql =>
  firstPerGroupSql(
    backend,
    sql`c.site_id`,
    sql`c.site_id, c.to_status AS status`,
    sql`FROM status_changes c WHERE c.at <= ${at}`,
    sql`c.at DESC, c.id DESC`,
  );

/** Joins `a`, the record of site `t` in force at the instant; sites with no record by then are left out. */
export const asOfJoin = (at: string): Sql => sql`JOIN status_changes a ON a.id = ${lastChange('id', at)}`;

/** What a site row read through asOfJoin adds: the status then, and the time of that change. */
export const AS_OF_COLUMNS = sql`a.to_status AS "asOfStatus", a.at AS "asOfAt"`;

/** A site feature from a row with AS_OF_COLUMNS: its status and statusChangedAt are those of the instant. */
export const asOfSiteFeature = ({ asOfStatus, asOfAt, ...row }: Row) =>
  rowToFeature.sites({ ...row, status: asOfStatus, statusChangedAt: asOfAt });

/**
 * The sites layer as the status-change records stood at the instant: the status each site had then (and
 * `statusChangedAt`, the time of that change), its other attributes as they are now. Sites with no record yet
 * are left out; `statuses` filter on the status then, the other filters as the sites layer applies them.
 */
export async function querySitesAsOf(
  db: QueryClient,
  at: string,
  filter: LayerFilter,
  bboxCondition: (bbox: Bbox) => Sql,
): Promise<LayerPage<'sites'>> {
  const { columns, from } = LAYER_SQL.sites;
  const whereSql = filterWhere(
    'sites',
    filter,
    filter.bbox ? bboxCondition(filter.bbox) : null,
    sql`a.to_status`,
  );
  const rows = await db.$queryRaw<Row[]>(sql`
    SELECT ${columns}, ${AS_OF_COLUMNS} FROM ${from} ${asOfJoin(at)}
    ${whereSql} ${pageOrder(filter)}`);
  const page = inIdOrder(rows, filter);
  return { features: page.rows.map(asOfSiteFeature), truncated: page.truncated };
}

/** How many sites `whereSql` (on `t` and the record in force `a`, as querySitesAsOf joins them) keeps at `at`. */
export async function countSitesAsOf(db: QueryClient, at: string, whereSql: Sql): Promise<number> {
  const { from } = LAYER_SQL.sites;
  const [row] = await db.$queryRaw<Row[]>(
    sql`SELECT count(*) AS count FROM ${from} ${asOfJoin(at)} ${whereSql}`,
  );
  return Number(row?.count ?? 0);
}

/**
 * What the progress report needs at the instant: every utility, and each site that has a record by then with
 * its status then, whether a record up to then made it illegal, its load and its accountable utility (the
 * stored `utility_id`: site-utility-sql.ts).
 */
export async function progressInputs(db: QueryClient, at: string): Promise<ProgressInputs> {
  const utilities = await db.$queryRaw<Row[]>(
    sql`SELECT id, name, name_zh AS "nameZh" FROM ${SCOPED.utilities} u ORDER BY id`,
  );
  const rows = await db.$queryRaw<Row[]>(sql`
    SELECT t.id, t.load_mw AS "loadMw", a.to_status AS status, t.utility_id AS "utilityId",
      CASE WHEN EXISTS (SELECT 1 FROM status_changes i WHERE i.site_id = t.id AND i.at <= ${at}
        AND i.to_status IN (${join([...ILLEGAL_DRAWING])})) THEN 1 ELSE 0 END AS "everIllegal"
    FROM ${SCOPED.sites} t ${asOfJoin(at)}
    ORDER BY t.id`);
  return {
    utilities: utilities.map((u) => ({ id: Number(u.id), name: String(u.name), nameZh: String(u.nameZh) })),
    sites: rows.map((r) => ({
      utilityId: r.utilityId === null || r.utilityId === undefined ? null : Number(r.utilityId),
      loadMw: Number(r.loadMw),
      status: r.status as Status,
      everIllegal: Number(r.everIllegal) === 1,
    })),
  };
}
