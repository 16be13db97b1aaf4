import { sqltag as sql } from '@prisma/client/runtime/client';

/**
 * The sites every read sees: those no admin has retired (DELETE /api/sites/:id, migration 0006). Every read of
 * sites — layers, features, tiles and their clusters, search, spatial queries, hotspots, unexplained load,
 * progress and its series, zones' sites, exports — names its rows as `${LIVE_SITES} t` (layer-sql.ts holds it
 * as the sites layer's `source`), never `sites` itself; live-sites.test.ts finds any SQL that does. Only imports
 * (which must see a retired site to refuse its externalId), the region memberships (kept for a restore) and the
 * loaders read the table. Both stores flatten the subquery into the query around it, so the spatial indexes serve
 * it as before.
 */
export const LIVE_SITES = sql`(SELECT * FROM sites WHERE retired_at IS NULL)`;
