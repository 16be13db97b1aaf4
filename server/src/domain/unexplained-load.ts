import { roundTo3 } from './geo/haversine';
import { sumTerm } from './sum-term';
import type { Status } from '@gridwatch/contract';

/**
 * Load that a substation's meter sees but nobody has reported (DOMAIN.md): metered peak − ordinary base load −
 * licensed mining − known illegal mining. "Known illegal" counts every site that is reported and still
 * drawing power, SUSPECTED included: a reported farm explains its load even before inspection confirms it, and
 * the point of this number is to find the farms that nobody has reported.
 */
export const KNOWN_ILLEGAL: readonly Status[] = [
  'UNLICENSED',
  'NO_CONTRACT',
  'SHUTDOWN_ORDERED',
  'SUSPECTED',
];

export interface SubstationLoads {
  substationId: number;
  name: string;
  nameZh: string;
  meteredPeakMw: number;
  baseLoadMw: number;
  licensedLoadMw: number;
  knownIllegalLoadMw: number;
}

export interface UnexplainedLoad extends SubstationLoads {
  unexplainedMw: number;
}

/**
 * Each substation's unexplained load, rounded to 3 decimals, largest first (ties by id). The sums come capped
 * from the store (store/sql/sum-sql.ts); the meter and base readings count at most SUM_TERM_CAP_MW too.
 */
export function rankUnexplainedLoad(rows: readonly SubstationLoads[]): UnexplainedLoad[] {
  return rows
    .map((r) => ({
      substationId: r.substationId,
      name: r.name,
      nameZh: r.nameZh,
      meteredPeakMw: roundTo3(r.meteredPeakMw),
      baseLoadMw: roundTo3(r.baseLoadMw),
      licensedLoadMw: roundTo3(r.licensedLoadMw),
      knownIllegalLoadMw: roundTo3(r.knownIllegalLoadMw),
      unexplainedMw: roundTo3(
        sumTerm(r.meteredPeakMw) - sumTerm(r.baseLoadMw) - r.licensedLoadMw - r.knownIllegalLoadMw,
      ),
    }))
    .sort((a, b) => b.unexplainedMw - a.unexplainedMw || a.substationId - b.substationId);
}
