/**
 * Scenario 3's timed reads: the unlicensed load within 50 km of each substation, ours on PostGIS and on SQLite
 * (the route through app.inject, its answer's bytes read: injectBytes) and raw `ST_DWithin`, interleaved
 * (PostGIS, raw, SQLite, …), `repeat` rounds a substation after one that keeps the answers' external ids for the
 * comparisons. Run in a process of its own (scenario-process.ts), for the reason scenario-within.ts gives: the
 * raw read parses every property of its rows.
 */
import type { FastifyInstance } from 'fastify';
import { injectBytes, timed } from './load';
import type { RawSql } from './raw-sql';

export interface UnlicensedTimes {
  postgisMs: number[];
  rawMs: number[];
  sqliteMs: number[];
  /** Per substation, the external ids each side answered. */
  answers: { postgis: string[]; raw: string[]; sqlite: string[] }[];
}

export async function unlicensedScenario(
  postgis: FastifyInstance,
  sqlite: FastifyInstance,
  raw: RawSql,
  substationIds: readonly number[],
  repeat: number,
): Promise<UnlicensedTimes> {
  const times: UnlicensedTimes = { postgisMs: [], rawMs: [], sqliteMs: [], answers: [] };
  const ids = (text: string) =>
    (
      JSON.parse(text) as { sites: { features: { properties: { externalId: string } }[] } }
    ).sites.features.map((f) => f.properties.externalId);
  for (const id of substationIds) {
    const url = `/api/substations/${id}/unlicensed-load?radiusKm=50`;
    for (let i = 0; i < repeat + 1; i++) {
      const first = i === 0;
      const a = await timed(
        () => injectBytes(postgis, { method: 'GET', url }),
        first ? null : times.postgisMs,
      );
      const b = await timed(() => raw.unlicensedWithin(id, 50), first ? null : times.rawMs);
      const c = await timed(() => injectBytes(sqlite, { method: 'GET', url }), first ? null : times.sqliteMs);
      if (first)
        times.answers.push({
          postgis: ids(a.toString('utf8')),
          raw: b.rows.map((r) => String((r as { externalId: string }).externalId)),
          sqlite: ids(c.toString('utf8')),
        });
    }
  }
  return times;
}
