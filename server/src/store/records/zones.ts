import type { MultiPolygon, Polygon } from 'geojson';
import { bboxOfCoordinates } from '../../domain/geo/bbox';
import type { LayerFeature } from '../ports/layers';
import { readFeature } from '../sql/read-feature';
import { appendAudit } from './audit';
import { writeTransaction } from './idempotency';
import { nowIso, type Db, type Tx } from './db';
import { scopeUtility } from '../scope';
import { zoneInScope } from './scope-where';

export type ZoneState = 'planned' | 'active' | 'closed';

export interface ZoneFields {
  name: string;
  geometry: Polygon | MultiPolygon;
  team: string | null;
  dueDate: string | null;
  notes: string | null;
  state: ZoneState;
}

type ZoneRefusal =
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'version'; currentVersion: number }
  | { ok: false; reason: 'in-use'; statusChanges: number };

/** An update's outcome carries the zone as the transaction left it: the answer a retry replays. */
export type ZoneUpdateOutcome =
  { ok: true; id: number; version: number; feature: LayerFeature<'zones'> } | ZoneRefusal;

export type ZoneWriteOutcome =
  | { ok: true; id: number; version: number }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'version'; currentVersion: number }
  | { ok: false; reason: 'in-use'; statusChanges: number };

/** The stored form of a zone's area: GeoJSON text and its box (which the R*Tree triggers index). */
function geometryColumns(geometry: Polygon | MultiPolygon) {
  const [minLon, minLat, maxLon, maxLat] = bboxOfCoordinates(geometry.coordinates);
  return { geometry: JSON.stringify(geometry), minLon, minLat, maxLon, maxLat };
}

/** Inspection zones; every write is checked against `version` and audited in its transaction. */
export class ZonesRepository {
  constructor(private readonly db: Db) {}

  async create(
    fields: ZoneFields,
    username: string,
  ): Promise<{ id: number; version: number; feature: LayerFeature<'zones'> }> {
    return writeTransaction(this.db, async (tx) => {
      const at = nowIso();
      const { geometry, ...rest } = fields;
      const zone = await tx.zone.create({
        data: {
          ...rest,
          ...geometryColumns(geometry),
          createdBy: username,
          createdAt: at,
          updatedAt: at,
          utilityId: scopeUtility(),
        },
      });
      await appendAudit(tx, {
        entity: 'zone',
        entityId: zone.id,
        action: 'create',
        username,
        details: fields,
      });
      return { id: zone.id, version: zone.version, feature: (await readFeature(tx, 'zones', zone.id))! };
    });
  }

  async update(
    id: number,
    version: number,
    change: Partial<ZoneFields>,
    username: string,
  ): Promise<ZoneUpdateOutcome> {
    const { geometry, ...rest } = change;
    return writeTransaction(this.db, async (tx) => {
      const { count } = await tx.zone.updateMany({
        where: { id, version, ...zoneInScope() },
        data: {
          ...rest,
          ...(geometry ? geometryColumns(geometry) : {}),
          updatedAt: nowIso(),
          version: { increment: 1 },
        },
      });
      if (count === 0) return this.refusal(tx, id);
      await appendAudit(tx, {
        entity: 'zone',
        entityId: id,
        action: 'update',
        username,
        details: { version, change },
      });
      return { ok: true as const, id, version: version + 1, feature: (await readFeature(tx, 'zones', id))! };
    });
  }

  /** A zone that status changes were recorded in is evidence: it can be closed, not deleted. */
  async delete(id: number, version: number, username: string): Promise<ZoneWriteOutcome> {
    return writeTransaction(this.db, async (tx) => {
      const zone = await tx.zone.findUnique({ where: { id, ...zoneInScope() } });
      if (!zone) return { ok: false as const, reason: 'not-found' as const };
      if (zone.version !== version)
        return { ok: false as const, reason: 'version' as const, currentVersion: zone.version };
      const used = await tx.statusChange.count({ where: { zoneId: id } });
      if (used > 0) return { ok: false as const, reason: 'in-use' as const, statusChanges: used };
      await tx.zone.delete({ where: { id } });
      const { geometry, ...kept } = zone;
      await appendAudit(tx, {
        entity: 'zone',
        entityId: id,
        action: 'delete',
        username,
        details: { ...kept, geometry: JSON.parse(geometry) as unknown },
      });
      return { ok: true as const, id, version };
    });
  }

  private async refusal(tx: Tx, id: number): Promise<ZoneRefusal> {
    const zone = await tx.zone.findUnique({ where: { id, ...zoneInScope() }, select: { version: true } });
    return zone
      ? { ok: false, reason: 'version', currentVersion: zone.version }
      : { ok: false, reason: 'not-found' };
  }
}
