import { raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { scopeUtility } from '../scope';

/**
 * The rows of the scoped tables that the current request may read, as subqueries to alias: every read of
 * sites, substations, readings and their days, lines, pylons, zones and utilities — layers, features, tiles and their clusters, search, spatial
 * queries, hotspots, unexplained load, progress and its series, zones' sites, exports — names its rows through
 * these, never the tables themselves; scoped-sql.test.ts finds any SQL that does.
 *
 * - Sites: those no admin has retired (DELETE /api/sites/:id, migration 0006).
 * - A utility's user (store/scope.ts) sees only its own sites and substations, the lines whose ends that exist
 *   are its substations, their pylons, its own utility and its own zones (docs/utilities.md). PostGIS's row-level security
 *   (migration 0010) keeps the same rows a second time, below this SQL.
 *
 * Both stores flatten the subqueries into the query around them, so the spatial indexes serve them as before.
 * They are getters: each read builds its SQL in its request's scope.
 */
export const SCOPED = {
  get sites(): Sql {
    const utility = scopeUtility();
    return utility === null
      ? sql`(SELECT * FROM sites WHERE retired_at IS NULL)`
      : sql`(SELECT * FROM sites WHERE retired_at IS NULL AND utility_id = ${utility})`;
  },
  get substations(): Sql {
    const utility = scopeUtility();
    return utility === null
      ? raw('substations')
      : sql`(SELECT * FROM substations WHERE utility_id = ${utility})`;
  },
  get lines(): Sql {
    const utility = scopeUtility();
    if (utility === null) return raw('lines');
    const own = sql`(SELECT id FROM substations WHERE utility_id = ${utility})`;
    return sql`(SELECT * FROM lines WHERE (from_substation_id IS NOT NULL OR to_substation_id IS NOT NULL)
      AND (from_substation_id IS NULL OR from_substation_id IN ${own})
      AND (to_substation_id IS NULL OR to_substation_id IN ${own}))`;
  },
  get pylons(): Sql {
    return scopeUtility() === null
      ? raw('pylons')
      : sql`(SELECT * FROM pylons WHERE line_id IN (SELECT id FROM ${SCOPED.lines} l))`;
  },
  /** A substation's hourly readings (migration 0013): scoped with their substation. */
  get readings(): Sql {
    const utility = scopeUtility();
    return utility === null
      ? raw('readings')
      : sql`(SELECT * FROM readings WHERE substation_id IN (SELECT id FROM substations WHERE utility_id = ${utility}))`;
  },
  /** A meter's days folded from its readings (migration 0018): scoped with their substation. */
  get readingDays(): Sql {
    const utility = scopeUtility();
    return utility === null
      ? raw('reading_days')
      : sql`(SELECT * FROM reading_days WHERE substation_id IN (SELECT id FROM substations WHERE utility_id = ${utility}))`;
  },
  get zones(): Sql {
    const utility = scopeUtility();
    return utility === null ? raw('zones') : sql`(SELECT * FROM zones WHERE utility_id = ${utility})`;
  },
  get utilities(): Sql {
    const utility = scopeUtility();
    return utility === null ? raw('utilities') : sql`(SELECT * FROM utilities WHERE id = ${utility})`;
  },
};
