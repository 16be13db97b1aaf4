import type { ReferenceTable } from '../domain/import/fields';
import type { ImportLayer } from '../domain/import/import-layers';
import { planImport, referencedIds, type ImportCounts } from '../domain/import/plan-import';
import type { ImportRow, RowProblem } from '../domain/import/read-rows';
import type { ImportsPort } from '../store/store';

export interface ImportOptions {
  dryRun: boolean;
  /** Who the status-change records name. */
  username: string;
  /** When the import runs (ISO 8601 UTC). */
  at: string;
}

export type ImportOutcome = { ok: true; counts: ImportCounts } | { ok: false; problems: RowProblem[] };

/**
 * Plans the checked rows against what the store holds and, unless it is a dry run, writes the plan. The rows
 * refused while reading and those refused while planning are reported together, so an answer names every bad
 * row at once (QUALITY.md §8).
 */
export async function importLayer<L extends ImportLayer>(
  store: ImportsPort,
  layer: L,
  rows: ImportRow<L>[],
  readProblems: RowProblem[],
  options: ImportOptions,
): Promise<ImportOutcome> {
  const existing = await store.findImportRecords(
    layer,
    rows.map((row) => row.record.properties.externalId),
  );
  const wanted = referencedIds(layer, rows);
  const lookUp = async (table: ReferenceTable) =>
    wanted[table].length ? store.existingExternalIds(table, wanted[table]) : new Set<string>();
  const known = {
    substations: await lookUp('substations'),
    utilities: await lookUp('utilities'),
    lines: await lookUp('lines'),
  };
  const planned = planImport(layer, rows, { existing, known, at: options.at, username: options.username });
  const problems = [...readProblems, ...(planned.ok ? [] : planned.problems)].sort(
    (a, b) => a.index - b.index,
  );
  if (problems.length || !planned.ok) return { ok: false, problems };
  // A commit answers with what its transaction wrote (the same as the plan's counts, but a retried import
  // with an Idempotency-Key gets the first transaction's counts, not a new plan's).
  return { ok: true, counts: options.dryRun ? planned.counts : await store.applyImport(planned.plan) };
}
