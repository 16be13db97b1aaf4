import type { Status } from '@gridwatch/contract';

/** A site as the explanation counts it: the one substation it explains (store/sql/explanation-sql.ts). */
export interface ExplainingSite {
  siteId: number;
  substationId: number;
  loadMw: number;
  /** Its status records, oldest first: `at` ISO 8601 UTC. */
  changes: readonly { at: string; toStatus: Status }[];
}

/** The end of Beijing day `day` (days since the epoch in Beijing time) as the records' text compares. */
const endOfDayIso = (day: number) => new Date((day + 1) * 86_400_000 - 8 * 3_600_000).toISOString();

/**
 * The load each substation's sites explain on each day from `fromDay` to `toDay`: the sites whose status at the
 * end of the day is one of `explaining` (licensed and known illegal), keyed by substation, one value per day.
 */
export function explainedByDay(
  sites: readonly ExplainingSite[],
  explaining: ReadonlySet<Status>,
  fromDay: number,
  toDay: number,
): Map<number, Float64Array> {
  const out = new Map<number, Float64Array>();
  const n = toDay - fromDay + 1;
  for (const site of sites) {
    let series = out.get(site.substationId);
    if (!series) out.set(site.substationId, (series = new Float64Array(n)));
    let k = 0;
    let status: Status | null = null;
    for (let i = 0; i < n; i++) {
      const end = endOfDayIso(fromDay + i);
      while (k < site.changes.length && site.changes[k]!.at <= end) status = site.changes[k++]!.toStatus;
      if (status !== null && explaining.has(status)) series[i]! += site.loadMw;
    }
  }
  return out;
}
