import type { RowProblem } from '../domain/import/read-rows';
import { MAX_LISTED_PROBLEMS, type ReadingsRead } from '../domain/import/read-readings';
import type { ReadingsPort } from '../store/store';

export type ReadingsImportOutcome =
  | { ok: true; readings: number; substations: number; from: string | null; to: string | null }
  | { ok: false; problems: RowProblem[]; total: number };

const iso = (hour: number) => new Date(hour * 3_600_000).toISOString();

/**
 * Checks the rows read against each other and the store — an unknown substation, a second reading of the same
 * substation and hour in the file — and, unless it is a dry run and only if no row is bad, writes them all in
 * one transaction (a reading of an hour the store already holds is replaced: a corrected export re-sent).
 * Problems come in row order, at most MAX_LISTED_PROBLEMS of them, with the total.
 */
export async function importReadings(
  store: Pick<ReadingsPort, 'substationIdsByExternalId' | 'writeReadings'>,
  read: ReadingsRead,
  dryRun: boolean,
): Promise<ReadingsImportOutcome> {
  const problems = [...read.problems];
  const names = [...new Set(read.externalIds)];
  const ids = await store.substationIdsByExternalId(names);
  const n = read.hours.length;
  const substationIds = new Int32Array(n);
  const seen = new Map<number, Set<number>>();
  let from = Infinity;
  let to = -Infinity;
  for (let i = 0; i < n; i++) {
    const externalId = read.externalIds[i]!;
    const id = ids.get(externalId);
    const index = read.index[i]!;
    if (id === undefined) {
      problems.push({ index, externalId, message: `unknown substation "${externalId}"` });
      continue;
    }
    let hours = seen.get(id);
    if (!hours) seen.set(id, (hours = new Set()));
    const hour = read.hours[i]!;
    if (hours.has(hour)) {
      problems.push({ index, externalId, message: `a second reading of ${externalId} at ${iso(hour)}` });
      continue;
    }
    hours.add(hour);
    substationIds[i] = id;
    from = Math.min(from, hour);
    to = Math.max(to, hour);
  }
  if (problems.length) {
    problems.sort((a, b) => a.index - b.index);
    return { ok: false, problems: problems.slice(0, MAX_LISTED_PROBLEMS), total: problems.length };
  }
  const written = dryRun ? n : await store.writeReadings({ substationIds, hours: read.hours, mw: read.mw });
  return {
    ok: true,
    readings: written,
    substations: seen.size,
    from: n ? iso(from) : null,
    to: n ? iso(to) : null,
  };
}
