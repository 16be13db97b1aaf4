import type { ReferenceTable } from '../../domain/import/fields';
import type { ImportLayer } from '../../domain/import/import-layers';
import type { ExistingRecord, ImportCounts, ImportPlan } from '../../domain/import/plan-import';

/** What an import reads to plan itself, and the one write of an accepted plan. */
export interface ImportsPort {
  /** The stored rows of an import layer with these externalIds, as import records, keyed by externalId. */
  findImportRecords<L extends ImportLayer>(
    layer: L,
    externalIds: readonly string[],
  ): Promise<Map<string, ExistingRecord<L>>>;
  /** Which of these externalIds exist in the table. */
  existingExternalIds(table: ReferenceTable, externalIds: readonly string[]): Promise<Set<string>>;
  /** Writes an accepted import in one transaction; ImportConflictError when its rows moved since planning. */
  applyImport<L extends ImportLayer>(plan: ImportPlan<L>): Promise<ImportCounts>;
}
