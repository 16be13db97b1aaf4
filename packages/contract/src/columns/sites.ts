import { Type } from 'typebox';
import { STATUSES } from '../status';
import { column, UTILITY_NAME_COLUMNS, optionalText, REQUIRED_TEXT, type ColumnTable } from './column';

/**
 * A site's load. The largest mining farms known draw a few hundred MW (the biggest campus ever announced, 1 GW);
 * 2,000 MW leaves room for them and refuses a load typed in kW or W, or an absurd one. With it, a million sites
 * sum to at most 2·10⁹ MW: every total is an exact-enough double far from overflow (docs/security.md).
 */
export const MAX_SITE_LOAD_MW = 2_000;
/** Machines at a site: the load bound at 2 kW a machine (less than any mining ASIC draws). */
export const MAX_SITE_MACHINES = 1_000_000;

/**
 * The columns of `sites` (server/src/store/columns reads this table; migrations are hand-written SQL). A new
 * column: an entry here, a migration per backend, the Prisma schema. Position and geometry (lon, lat,
 * footprint) are the loaders' and the readers' own, as are the id and the version's bump.
 */
export const SITE_COLUMNS = {
  externalId: column({ sql: 'external_id', schema: Type.String(), imported: REQUIRED_TEXT }),
  name: column({ sql: 'name', schema: Type.String(), imported: REQUIRED_TEXT }),
  nameZh: column({ sql: 'name_zh', schema: Type.String(), imported: optionalText('') }),
  operator: column({ sql: 'operator', schema: Type.String(), imported: optionalText('') }),
  machines: column({
    sql: 'machines',
    schema: Type.Integer(),
    imported: { check: { type: 'integer', min: 0, max: MAX_SITE_MACHINES }, required: true },
  }),
  loadMw: column({
    sql: 'load_mw',
    schema: Type.Number(),
    imported: { check: { type: 'number', min: 0, max: MAX_SITE_LOAD_MW }, required: true },
  }),
  status: column({
    sql: 'status',
    schema: Type.Enum(STATUSES),
    imported: { check: { type: 'oneOf', values: STATUSES }, required: true },
  }),
  feederSubstationId: column({
    sql: 'feeder_substation_id',
    schema: Type.Union([Type.Integer(), Type.Null()]),
    imported: optionalText(null),
    reference: { table: 'substations', name: 'feederSubstationExternalId' },
  }),
  firstObserved: column({
    sql: 'first_observed',
    schema: Type.String({ description: 'YYYY-MM-DD' }),
    imported: { check: { type: 'date' }, required: true },
  }),
  licenceNo: column({
    sql: 'licence_no',
    schema: Type.Union([Type.String(), Type.Null()]),
    seeded: false,
    imported: optionalText(null),
  }),
  // Set by the loaders and writers: the time of the site's last status change.
  statusChangedAt: column({
    sql: 'status_changed_at',
    schema: Type.Union([Type.String({ description: 'ISO 8601' }), Type.Null()]),
    seeded: false,
  }),
  // Derived by the store (docs/progress.md, "Utility of a site"): the utility that answers for the site.
  utilityId: column({
    sql: 'utility_id',
    schema: Type.Union([Type.Integer(), Type.Null()]),
    seeded: false,
  }),
  // Read from that utility, which the layer joins as `u`.
  ...UTILITY_NAME_COLUMNS,
  version: column({ sql: 'version', schema: Type.Integer(), seeded: false }),
  synthetic: column({ sql: 'synthetic', schema: Type.Boolean() }),
} as const satisfies ColumnTable;
