/**
 * Scenario 4's timed reads: sites within each polygon, ours (`POST /api/query/within` over a socket, as wrk reads
 * scenario 1's answers: the bytes counted, no compression asked) and raw `ST_Covers` (pg parses the rows),
 * interleaved, each first in every other round, `repeat` rounds a polygon after one through app.inject that keeps
 * the answers' external ids for the comparisons. app.inject decodes a 23 MB answer into a string and fetch joins
 * it into one buffer: 0.3–0.45 s of the harness's own, not the server's (docs/performance.md, "Fix 28"). Run in a
 * process of its own (scenario-process.ts): in the bench's process, whose heap holds the million generated sites,
 * the allocations set V8 collecting that heap inside the call (ours 2.1 s there against 1.1 s alone, at 1M).
 */
import type { FastifyInstance } from 'fastify';
import type { Polygon } from 'geojson';
import { postCounting, timed } from './load';
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
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const ours = (geometry: Polygon) => postCounting(address, '/api/query/within', { geometry });
  const compared = (geometry: Polygon) =>
    app.inject({ method: 'POST', url: '/api/query/within', payload: { geometry } });
  for (const geometry of polygons) {
    let bytes = 0;
    for (let i = 0; i < repeat + 1; i++) {
      const [oursInto, rawInto] = i > 0 ? [times.oursMs, times.rawMs] : [null, null];
      const b = i % 2 === 0 ? await timed(() => raw.coveredBy(geometry), rawInto) : null;
      const a = i === 0 ? await compared(geometry) : await timed(() => ours(geometry), oursInto);
      const c = i % 2 === 1 ? await timed(() => raw.coveredBy(geometry), rawInto) : null;
      if (typeof a === 'number') {
        if (a !== bytes) throw new Error(`within: ${a} bytes over the socket, ${bytes} through inject`);
      } else {
        bytes = a.rawPayload.length;
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
