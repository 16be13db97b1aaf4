/**
 * Scenario 4's timed reads: sites within each polygon, ours (`POST /api/query/within` through app.inject) and raw
 * `ST_Covers`, interleaved, each first in every other round, `repeat` rounds a polygon after one that keeps the
 * answers' external ids for the comparisons. Run in a process of its own (scenario-process.ts): an answer of
 * 52,000 features is a 23 MB text, and in the bench's process, whose heap holds the million generated sites, its
 * allocations set V8 collecting that heap inside the call (ours 2.1 s there against 1.1 s alone, at 1M).
 */
import type { FastifyInstance } from 'fastify';
import type { Polygon } from 'geojson';
import { timed } from './load';
import type { RawSql } from './raw-sql';

export interface WithinTimes {
  oursMs: number[];
  rawMs: number[];
  /** Per polygon, the external ids each side answered. */
  answers: { ours: string[]; raw: string[] }[];
}

export async function withinScenario(
  app: FastifyInstance,
  raw: RawSql,
  polygons: readonly Polygon[],
  repeat: number,
): Promise<WithinTimes> {
  const times: WithinTimes = { oursMs: [], rawMs: [], answers: [] };
  const ours = (geometry: Polygon) =>
    app.inject({ method: 'POST', url: '/api/query/within', payload: { geometry } });
  for (const geometry of polygons) {
    for (let i = 0; i < repeat + 1; i++) {
      const [oursInto, rawInto] = i > 0 ? [times.oursMs, times.rawMs] : [null, null];
      const b = i % 2 === 0 ? await timed(() => raw.coveredBy(geometry), rawInto) : null;
      const a = await timed(() => ours(geometry), oursInto);
      const c = i % 2 === 1 ? await timed(() => raw.coveredBy(geometry), rawInto) : null;
      if (i === 0) {
        const features = (a.json() as { features: { properties: { externalId: string } }[] }).features;
        times.answers.push({
          ours: features.map((f) => f.properties.externalId),
          raw: (b ?? c)!.rows.map((r) => String((r as { externalId: string }).externalId)),
        });
      }
    }
  }
  return times;
}
