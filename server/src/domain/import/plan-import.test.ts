import { describe, expect, it } from 'vitest';
import type { ImportRecord } from './import-layers';
import { placedIds, planImport, reassignedIds, type ExistingRecord, type PlanContext } from './plan-import';
import { readFields } from './fields';
import { SITE_FIELDS, type SiteImport } from './site-rows';

const AT = '2026-11-25T10:00:00.000Z';

/** A site row as the reader makes it: the optional fields filled as absent, whatever columns sites have. */
const read = readFields(
  SITE_FIELDS,
  {
    externalId: 'M-1',
    name: 'Farm',
    machines: 100,
    loadMw: 2.5,
    status: 'SUSPECTED',
    firstObserved: '2026-05-01',
  },
  'json',
);
if (!read.ok) throw new Error(read.messages.join('; '));
const base = read.value;

const record = (properties: Partial<SiteImport> = {}): ImportRecord<'sites'> => ({
  properties: { ...base, ...properties },
  geometry: { type: 'Point', coordinates: [87.6, 43.8] },
});

const context = (stored: ImportRecord<'sites'>[] = [], substations: string[] = []): PlanContext<'sites'> => ({
  existing: new Map(
    stored.map((r, i): [string, ExistingRecord<'sites'>] => [
      r.properties.externalId,
      { id: i + 1, version: 4, record: r },
    ]),
  ),
  known: { substations: new Set(substations), utilities: new Set(), lines: new Set() },
  at: AT,
  username: 'import',
});

const rows = (...records: ImportRecord<'sites'>[]) => records.map((r, index) => ({ index, record: r }));

describe('planImport', () => {
  it('creates a new site with a status-change record from nothing, naming the import', () => {
    const planned = planImport('sites', rows(record()), context());
    expect(planned).toMatchObject({
      ok: true,
      counts: { created: 1, updated: 0, unchanged: 0 },
      plan: {
        note: `import ${AT}`,
        username: 'import',
        statusChanges: [{ siteExternalId: 'M-1', from: null, to: 'SUSPECTED' }],
      },
    });
  });

  it('leaves a site unchanged when every field equals the row', () => {
    const planned = planImport('sites', rows(record()), context([record()]));
    expect(planned).toMatchObject({ ok: true, counts: { created: 0, updated: 0, unchanged: 1 } });
  });

  it('updates a site along an allowed transition with one record and the version it read', () => {
    const planned = planImport('sites', rows(record({ status: 'UNLICENSED' })), context([record()]));
    expect(planned).toMatchObject({
      ok: true,
      counts: { updated: 1 },
      plan: {
        update: [{ id: 1, version: 4, statusChanged: true }],
        statusChanges: [{ siteExternalId: 'M-1', from: 'SUSPECTED', to: 'UNLICENSED' }],
      },
    });
  });

  it('updates other fields without a status-change record', () => {
    const planned = planImport('sites', rows(record({ loadMw: 3 })), context([record()]));
    expect(planned).toMatchObject({
      ok: true,
      plan: { update: [{ statusChanged: false }], statusChanges: [] },
    });
  });

  it('refuses a forbidden transition, naming from, to and the allowed ones', () => {
    const stored = record({ status: 'SHUT_DOWN' });
    const planned = planImport('sites', rows(record({ status: 'LICENSED' })), context([stored]));
    expect(planned).toEqual({
      ok: false,
      problems: [
        {
          index: 0,
          externalId: 'M-1',
          message:
            'status SHUT_DOWN → LICENSED is not an allowed transition; from SHUT_DOWN the allowed are SUSPECTED',
        },
      ],
    });
  });

  it('refuses a feeder substation that is not in the database', () => {
    const planned = planImport(
      'sites',
      rows(
        record({ feederSubstationExternalId: 'S-1' }),
        record({ externalId: 'M-2', feederSubstationExternalId: 'S-9' }),
      ),
      context([], ['S-1']),
    );
    expect(planned).toEqual({
      ok: false,
      problems: [
        {
          index: 1,
          externalId: 'M-2',
          message: 'feederSubstationExternalId "S-9" names no substation in the database',
        },
      ],
    });
  });

  it('refuses a row that names a retired site, even one equal to it, pointing to the restore', () => {
    const retired = { ...context([record()]) };
    retired.existing = new Map([
      ['M-1', { id: 7, version: 5, record: record(), retiredAt: '2026-05-02T08:00:00.000Z' }],
    ]);
    expect(planImport('sites', rows(record()), retired)).toEqual({
      ok: false,
      problems: [
        {
          index: 0,
          externalId: 'M-1',
          message: expect.stringMatching(
            /site 7, which an admin retired \(2026-05-02T08:00:00.000Z\): restore it first \(POST \/api\/sites\/7\/restore\)/,
          ),
        },
      ],
    });
  });

  it('marks moved and relinked rows, and names the placed and reassigned ones', () => {
    const at = (lon: number, properties: Partial<SiteImport> = {}): ImportRecord<'sites'> => ({
      ...record(properties),
      geometry: { type: 'Point', coordinates: [lon, 43.8] },
    });
    const stored = ['A', 'B', 'C', 'D', 'E'].map((id) =>
      record({ externalId: id, feederSubstationExternalId: 'S-1' }),
    );
    const planned = planImport(
      'sites',
      rows(
        record({ externalId: 'A', feederSubstationExternalId: 'S-1', loadMw: 9, status: 'UNLICENSED' }),
        at(87.7, { externalId: 'B', feederSubstationExternalId: 'S-1' }),
        record({ externalId: 'C', feederSubstationExternalId: 'S-2' }),
        at(87.7, { externalId: 'D', feederSubstationExternalId: null }),
        record({ externalId: 'E', feederSubstationExternalId: 'S-1' }),
        record({ externalId: 'F' }),
      ),
      context(stored, ['S-1', 'S-2']),
    );
    if (!planned.ok) throw new Error(JSON.stringify(planned.problems));
    expect(planned.plan.update.map((u) => [u.record.properties.externalId, u.moved, u.relinked])).toEqual([
      ['A', false, false],
      ['B', true, false],
      ['C', false, true],
      ['D', true, true],
    ]);
    expect(placedIds(planned.plan)).toEqual(['F', 'B', 'D']);
    expect(reassignedIds(planned.plan)).toEqual(['F', 'B', 'C', 'D']);
  });
});
