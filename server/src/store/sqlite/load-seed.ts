import type Database from 'better-sqlite3';
import { SITE_COLUMNS, type SeedData, type SeedSite } from '@gridwatch/contract';
import { seedColumns } from '../columns/seed-columns';
import { bboxOfCoordinates } from '../../domain/geo/bbox';
import { seedReferences } from '../seed-references';
import { seedRegionMembers } from '../seed-region-members';

/**
 * Bulk-loads seed data into an empty database in one transaction, through the driver: prepared statements
 * load the ~100k rows of the demo (and the millions of a benchmark) far faster than an ORM could.
 * Ids are assigned in seed order (1..n), so references by externalId resolve without reading back.
 */
export function loadSeedSqlite(db: Database.Database, seed: SeedData): void {
  const { ref, lastChange } = seedReferences(seed);
  const b = (v: boolean) => (v ? 1 : 0);

  db.transaction(() => {
    const region = db.prepare(`INSERT INTO regions (id, external_id, code, name, name_zh, level, geometry,
      min_lon, min_lat, max_lon, max_lat, synthetic) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`);
    seed.regions.forEach((r, i) => {
      const box = bboxOfCoordinates(r.geometry.coordinates);
      region.run(
        i + 1,
        r.externalId,
        r.code,
        r.name,
        r.nameZh,
        r.level,
        JSON.stringify(r.geometry),
        ...box,
        b(r.synthetic),
      );
    });
    const utility = db.prepare(
      `INSERT INTO utilities (id, external_id, name, name_zh, region_id) VALUES (?,?,?,?,?)`,
    );
    seed.utilities.forEach((u, i) => {
      utility.run(i + 1, u.externalId, u.name, u.nameZh, ref('region', u.regionExternalId));
    });
    const substation =
      db.prepare(`INSERT INTO substations (id, external_id, name, name_zh, voltage_kv, capacity_mva,
      utility_id, base_load_mw, metered_peak_mw, lon, lat, synthetic) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`);
    seed.substations.forEach((s, i) => {
      substation.run(
        i + 1,
        s.externalId,
        s.name,
        s.nameZh,
        s.voltageKv,
        s.capacityMva,
        ref('utility', s.utilityExternalId),
        s.baseLoadMw,
        s.meteredPeakMw,
        s.lon,
        s.lat,
        b(s.synthetic),
      );
    });
    const line =
      db.prepare(`INSERT INTO lines (id, external_id, name, name_zh, voltage_kv, from_substation_id,
      to_substation_id, geometry, min_lon, min_lat, max_lon, max_lat, synthetic) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`);
    seed.lines.forEach((l, i) => {
      const box = bboxOfCoordinates(l.geometry.coordinates);
      line.run(
        i + 1,
        l.externalId,
        l.name,
        l.nameZh,
        l.voltageKv,
        ref('substation', l.fromSubstationExternalId),
        ref('substation', l.toSubstationExternalId),
        JSON.stringify(l.geometry),
        ...box,
        b(l.synthetic),
      );
    });
    const pylon = db.prepare(
      `INSERT INTO pylons (external_id, line_id, seq, lon, lat, synthetic) VALUES (?,?,?,?,?,?)`,
    );
    for (const p of seed.pylons) {
      pylon.run(p.externalId, ref('line', p.lineExternalId), p.seq, p.lon, p.lat, b(p.synthetic));
    }
    const siteColumns = seedColumns<SeedSite>(SITE_COLUMNS, ref);
    const siteNames = [...siteColumns.map((c) => c.sql), 'status_changed_at', 'lon', 'lat', 'footprint'];
    const site = db.prepare(`INSERT INTO sites (id, ${siteNames.join(', ')})
      VALUES (?, ${siteNames.map(() => '?').join(', ')})`);
    seed.sites.forEach((s, i) => {
      site.run(
        i + 1,
        ...siteColumns.map((c) => (c.read === 'bool' ? b(c.value(s) as boolean) : c.value(s))),
        lastChange.get(s.externalId) ?? null,
        s.lon,
        s.lat,
        s.footprint ? JSON.stringify(s.footprint) : null,
      );
    });
    const change =
      db.prepare(`INSERT INTO status_changes (site_id, from_status, to_status, note, username, at)
      VALUES (?,?,?,?,?,?)`);
    for (const c of seed.statusChanges) {
      change.run(ref('site', c.siteExternalId), c.fromStatus, c.toStatus, c.note, c.username, c.at);
    }
    const member = db.prepare(`INSERT INTO region_members (region_id, layer, feature_id) VALUES (?,?,?)`);
    for (const { layer, members } of seedRegionMembers(seed)) {
      for (const m of members) member.run(m.regionId, layer, m.featureId);
    }
  })();
}
