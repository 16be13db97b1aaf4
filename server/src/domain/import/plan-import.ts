import { ALLOWED_TRANSITIONS, isTransitionAllowed, type Status } from '@gridwatch/contract';
import type { Field, ReferenceTable } from './fields';
import { IMPORT_RULES, propertyOf, type ImportLayer, type ImportRecord } from './import-layers';
import type { ImportRow, RowProblem } from './read-rows';
import type { SiteImport } from './site-rows';

/** A stored row with the externalId of an import row, in the shape of an import record. */
export interface ExistingRecord<L extends ImportLayer> {
  id: number;
  /** Sites carry a version for optimistic concurrency; the other layers have none. */
  version: number | null;
  record: ImportRecord<L>;
  /** Sites: when an admin retired it (ISO 8601), absent or null while it is live. */
  retiredAt?: string | null;
}

export interface StatusChangePlan {
  siteExternalId: string;
  from: Status | null;
  to: Status;
}

export interface ImportUpdate<L extends ImportLayer> {
  id: number;
  /** The version read when planning: the write refuses a site that changed since (ImportConflictError). */
  version: number | null;
  record: ImportRecord<L>;
  statusChanged: boolean;
  /** The geometry changed: its region memberships and substation pairs are refiled. */
  moved: boolean;
  /** A reference changed (a site's feeder, a substation's utility, …): its derived links are recomputed. */
  relinked: boolean;
}

/** What an accepted import writes, in one transaction. */
export interface ImportPlan<L extends ImportLayer = ImportLayer> {
  layer: L;
  create: ImportRecord<L>[];
  update: ImportUpdate<L>[];
  statusChanges: StatusChangePlan[];
  /** Rows equal to what is stored: written nowhere, only named in the import's audit record. */
  unchanged: number;
  /** When the import ran (ISO 8601 UTC): the time of its status changes and of `status_changed_at`. */
  at: string;
  /** Names the import in each status-change record (DOMAIN.md). */
  note: string;
  username: string;
}

/** What an import did, as its answer says: the plan's sizes. */
export const countsOf = (plan: ImportPlan<ImportLayer>): ImportCounts => ({
  created: plan.create.length,
  updated: plan.update.length,
  unchanged: plan.unchanged,
});

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface PlanContext<L extends ImportLayer> {
  existing: ReadonlyMap<string, ExistingRecord<L>>;
  /** The externalIds, per referenced table, that exist in the database. */
  known: Readonly<Record<ReferenceTable, ReadonlySet<string>>>;
  at: string;
  username: string;
}

export type Planned<L extends ImportLayer> =
  { ok: true; plan: ImportPlan<L>; counts: ImportCounts } | { ok: false; problems: RowProblem[] };

/** The data changed between planning and writing an import; repeating the import plans it afresh. */
export class ImportConflictError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ImportConflictError';
  }
}

/** The fields of a layer that name another table's row by externalId. */
function referenceFields(layer: ImportLayer): [string, ReferenceTable][] {
  return (Object.entries(IMPORT_RULES[layer].fields) as [string, Field<unknown>][]).flatMap(
    ([name, field]) => (field.reference ? [[name, field.reference] as [string, ReferenceTable]] : []),
  );
}

/** The externalIds the rows refer to, per table, for the store to look up. */
export function referencedIds<L extends ImportLayer>(
  layer: L,
  rows: readonly ImportRow<L>[],
): Record<ReferenceTable, string[]> {
  const ids: Record<ReferenceTable, Set<string>> = {
    substations: new Set(),
    utilities: new Set(),
    lines: new Set(),
  };
  for (const [name, table] of referenceFields(layer))
    for (const { record } of rows) {
      const value = propertyOf(record, name);
      if (typeof value === 'string') ids[table].add(value);
    }
  return { substations: [...ids.substations], utilities: [...ids.utilities], lines: [...ids.lines] };
}

const TABLE_NOUN: Record<ReferenceTable, string> = {
  substations: 'substation',
  utilities: 'utility',
  lines: 'line',
};

/**
 * Decides, row by row, whether the import creates, updates or leaves a record as it is, and refuses rows whose
 * references do not resolve, whose status change is not an allowed transition, or that name a retired site. Either every row is
 * acceptable and the plan is complete, or the answer lists every bad row.
 */
export function planImport<L extends ImportLayer>(
  layer: L,
  rows: readonly ImportRow<L>[],
  context: PlanContext<L>,
): Planned<L> {
  const problems: RowProblem[] = [];
  const plan: ImportPlan<L> = {
    layer,
    create: [],
    update: [],
    statusChanges: [],
    unchanged: 0,
    at: context.at,
    note: `import ${context.at}`,
    username: context.username,
  };
  const references = referenceFields(layer);
  for (const { index, record } of rows) {
    const { externalId } = record.properties;
    const messages: string[] = [];
    for (const [name, table] of references) {
      const value = propertyOf(record, name);
      if (typeof value === 'string' && !context.known[table].has(value))
        messages.push(`${name} "${value}" names no ${TABLE_NOUN[table]} in the database`);
    }
    const stored = context.existing.get(externalId);
    // A retired site is neither brought back nor changed behind the admin's back (docs/import.md).
    if (stored?.retiredAt) {
      problems.push({
        index,
        externalId,
        message:
          `externalId "${externalId}" names site ${stored.id}, which an admin retired (${stored.retiredAt}): ` +
          `restore it first (POST /api/sites/${stored.id}/restore), or give the row another externalId`,
      });
      continue;
    }
    const from = stored && layer === 'sites' ? (stored.record.properties as SiteImport).status : null;
    const to = layer === 'sites' ? (record.properties as SiteImport).status : null;
    if (from !== null && to !== null && from !== to && !isTransitionAllowed(from, to))
      messages.push(
        `status ${from} → ${to} is not an allowed transition; from ${from} the allowed are ${ALLOWED_TRANSITIONS[from].join(', ')}`,
      );
    if (messages.length) {
      problems.push({ index, externalId, message: messages.join('; ') });
      continue;
    }
    if (!stored) {
      plan.create.push(record);
      if (to !== null) plan.statusChanges.push({ siteExternalId: externalId, from: null, to });
    } else if (sameRecord(layer, stored.record, record)) {
      plan.unchanged += 1;
    } else {
      const statusChanged = from !== to;
      const moved = !sameGeometry(stored.record, record);
      const relinked = references.some(
        ([name]) => propertyOf(stored.record, name) !== propertyOf(record, name),
      );
      plan.update.push({ id: stored.id, version: stored.version, record, statusChanged, moved, relinked });
      if (statusChanged && to !== null) plan.statusChanges.push({ siteExternalId: externalId, from, to });
    }
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    plan,
    counts: countsOf(plan),
  };
}

/** The same geometry, coordinate for coordinate. */
const sameGeometry = <L extends ImportLayer>(a: ImportRecord<L>, b: ImportRecord<L>): boolean =>
  JSON.stringify(a.geometry) === JSON.stringify(b.geometry);

/** Every stored field equals the row's: the same values and the same geometry, coordinate for coordinate. */
function sameRecord<L extends ImportLayer>(layer: L, a: ImportRecord<L>, b: ImportRecord<L>): boolean {
  return (
    Object.keys(IMPORT_RULES[layer].fields).every((name) => propertyOf(a, name) === propertyOf(b, name)) &&
    sameGeometry(a, b)
  );
}

/** The externalIds of every row an import writes (new or changed). */
export const writtenIds = (plan: ImportPlan<ImportLayer>): string[] => [
  ...plan.create.map((r) => r.properties.externalId),
  ...plan.update.map((u) => u.record.properties.externalId),
];

/**
 * The externalIds of the rows an import placed (new, or moved): their region memberships and substation pairs
 * are filed anew.
 */
export const placedIds = (plan: ImportPlan<ImportLayer>): string[] => [
  ...plan.create.map((r) => r.properties.externalId),
  ...plan.update.filter((u) => u.moved).map((u) => u.record.properties.externalId),
];

/**
 * The externalIds of the rows an import reassigned (placed, or relinked to another feeder, utility, …): what
 * follows from their place and references (a site's accountable utility) is recomputed. Other changes (a name, a
 * load, a status) leave both alone.
 */
export const reassignedIds = (plan: ImportPlan<ImportLayer>): string[] => [
  ...plan.create.map((r) => r.properties.externalId),
  ...plan.update.filter((u) => u.moved || u.relinked).map((u) => u.record.properties.externalId),
];
