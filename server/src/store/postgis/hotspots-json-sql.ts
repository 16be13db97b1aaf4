import { sqltag as sql, type Sql } from '@prisma/client/runtime/client';

/**
 * The hotspots answer (services/spatial-queries.ts `hotspots`) as the text `JSON.stringify` writes of it, written
 * by PostgreSQL from the ranked rows (sql/hotspot-sets.ts rankedHotspotsSql), so no row becomes an object in Node
 * (docs/performance.md, "Fix 29"). Column by column it is the same text:
 * - the ids and counts are integers, written as integers;
 * - the names go through `to_json`, which escapes what JSON.stringify escapes (`"`, `\`, and below U+0020 the
 *   short forms \b \f \n \r \t, else \u00xx in lower case) and nothing else (the feature texts rely on the same);
 * - the load is roundTo3 of watts / 10⁶: below 10¹⁵ W that double's shortest decimal is the exact quotient (at
 *   most 15 significant digits), which roundTo3 rounds half away from zero at 3 decimals, as numeric `round` does
 *   on the exact quotient; `trim_scale` leaves the digits JSON.stringify prints of the result (at most 12
 *   significant, no exponent). From 10¹⁵ W (10⁹ MW: a database older than the import's bounds) the argument does
 *   not hold, and the text is NULL: the caller makes the answer from the rows.
 * The order is the ranking's: largest load first, ties by id.
 */
export const hotspotsJsonSql = (ranked: Sql): Sql => sql`
  SELECT CASE WHEN count(*) = 0 THEN '[]'
    WHEN bool_and(abs(r."totalLoadW") < 1e15) THEN '[' || string_agg(
      '{"substationId":' || r."substationId" || ',"name":' || to_json(r.name::text)::text
        || ',"nameZh":' || to_json(r."nameZh"::text)::text || ',"siteCount":' || r."siteCount"
        || ',"totalLoadMw":' || trim_scale(round(r."totalLoadW"::numeric / 1000000, 3))::text || '}',
      ',' ORDER BY r."totalLoadMw" DESC, r."substationId") || ']'
    END AS json
  FROM (${ranked}) r`;
