import { haversineKm } from '@gridwatch/contract';
import { area } from '@turf/area';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ILLEGAL_DRAWING, isTransitionAllowed, type Status } from '@gridwatch/contract';
import { CAMPAIGN, CAMPAIGN_DEADLINE_MS } from './campaign';
import { FRAME } from './basemap';
import { generateSeed, generateSeedWithTruth, type HiddenFarm } from './generate';
import { inBox } from './geo';
import { drawsPower } from './loads';
import { xinjiangOutline } from './outline';
import { containment } from './containment';
import type { SeedData, SeedStatusChange } from '@gridwatch/contract';
import {
  LINE_COLUMNS,
  PYLON_COLUMNS,
  SITE_COLUMNS,
  SUBSTATION_COLUMNS,
  type ColumnTable,
} from '@gridwatch/contract';
import { FEEDER_RADIUS_M } from './sites';

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

let seed: SeedData;
let hidden: HiddenFarm[];
beforeAll(() => {
  ({ data: seed, hiddenFarms: hidden } = generateSeedWithTruth());
});

describe('generateSeed determinism', () => {
  it('gives identical output for the same seed and different output for another', () => {
    expect(hash(generateSeed())).toBe(hash(seed));
    expect(hash(generateSeed({ seed: 7 }))).not.toBe(hash(seed));
  });

  it('keeps the grid when only the site count changes, and the first sites too', () => {
    const small = generateSeed({ sites: 50 });
    expect(hash(small.lines)).toBe(hash(seed.lines));
    expect(small.sites).toEqual(seed.sites.slice(0, 50));
  });
});

describe('generateSeed counts', () => {
  it('is within the ranges of the brief', () => {
    expect(seed.regions).toHaveLength(15);
    expect(seed.utilities).toHaveLength(14);
    expect(seed.substations.length).toBeGreaterThanOrEqual(250);
    expect(seed.substations.length).toBeLessThanOrEqual(400);
    expect(seed.sites.length).toBe(800);
    expect(seed.pylons.length).toBeGreaterThan(10_000);
    const hubs = seed.substations.filter((s) => s.voltageKv === 750).length;
    const kv220 = seed.substations.filter((s) => s.voltageKv === 220).length;
    expect(hubs).toBeLessThan(kv220);
    expect(kv220).toBeLessThan(seed.substations.length - hubs - kv220);
  });

  it('totals 2–4 GW of mining load, heavy-tailed, at 1.3–3.3 kW a machine', () => {
    const total = seed.sites.reduce((s, x) => s + x.loadMw, 0);
    expect(total).toBeGreaterThan(2000);
    expect(total).toBeLessThan(4000);
    expect(seed.sites.filter((s) => s.loadMw >= 50).length).toBeGreaterThanOrEqual(2);
    expect(seed.sites.filter((s) => s.loadMw >= 1 && s.loadMw <= 10).length).toBeGreaterThan(400);
    for (const s of seed.sites) {
      const kw = (s.loadMw * 1000) / s.machines;
      expect(kw).toBeGreaterThanOrEqual(1.3 - 0.01);
      expect(kw).toBeLessThanOrEqual(3.3 + 0.01);
      expect(s.loadMw).toBe(Math.round(s.loadMw * 1000) / 1000);
    }
  });

  it('has a large minority of illegal sites', () => {
    const illegal = seed.sites.filter((s) => ILLEGAL_DRAWING.includes(s.status)).length;
    expect(illegal / seed.sites.length).toBeGreaterThan(0.15);
    expect(illegal / seed.sites.length).toBeLessThan(0.5);
  });
});

describe('generateSeed geometry', () => {
  const outline = xinjiangOutline();

  it('puts every substation and site inside the outline, and lines in the frame', () => {
    const inOutline = containment(outline);
    for (const s of seed.substations) expect(inOutline.contains(s.lon, s.lat), s.externalId).toBe(true);
    for (const s of seed.sites) expect(inOutline.contains(s.lon, s.lat), s.externalId).toBe(true);
    for (const l of seed.lines)
      for (const [x = 0, y = 0] of l.geometry.coordinates) expect(inBox(x, y, FRAME)).toBe(true);
  });

  it('puts each substation in the service area of its utility', () => {
    const region = new Map(seed.regions.map((r) => [r.externalId, r]));
    const utility = new Map(seed.utilities.map((u) => [u.externalId, u]));
    for (const s of seed.substations) {
      const zone = region.get(utility.get(s.utilityExternalId)?.regionExternalId ?? '');
      expect(zone && containment(zone.geometry).contains(s.lon, s.lat), s.externalId).toBe(true);
    }
  });

  it('has valid region MultiPolygons whose prefectures tile the province', () => {
    const [province, ...prefectures] = seed.regions;
    expect(province).toMatchObject({ code: '650000', level: 'province', synthetic: false });
    for (const r of seed.regions) {
      expect(r.geometry.type).toBe('MultiPolygon');
      expect(r.geometry.coordinates.length).toBeGreaterThan(0);
      for (const poly of r.geometry.coordinates)
        for (const ring of poly) {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
        }
    }
    expect(prefectures.every((p) => p.level === 'prefecture' && p.synthetic)).toBe(true);
    const sum = prefectures.reduce((s, p) => s + area(p.geometry), 0);
    expect(sum / area(province?.geometry ?? outline)).toBeCloseTo(1, 3);
  });

  it('draws lines from substation to substation, not ruler-straight', () => {
    const subs = new Map(seed.substations.map((s) => [s.externalId, s]));
    let bent = 0;
    for (const l of seed.lines) {
      const from = subs.get(l.fromSubstationExternalId ?? '');
      const to = subs.get(l.toSubstationExternalId ?? '');
      expect(from && to, l.externalId).toBeTruthy();
      const coords = l.geometry.coordinates;
      expect(coords[0]).toEqual([from?.lon, from?.lat]);
      expect(coords[coords.length - 1]).toEqual([to?.lon, to?.lat]);
      if (coords.length > 2) bent++;
    }
    expect(bent / seed.lines.length).toBeGreaterThan(0.9);
  });

  it('spaces pylons 400–500 m apart along each line, numbered from 1', () => {
    const lines = new Set(seed.lines.map((l) => l.externalId));
    let previous: (typeof seed.pylons)[number] | undefined;
    for (const p of seed.pylons) {
      expect(lines.has(p.lineExternalId)).toBe(true);
      if (previous && previous.lineExternalId === p.lineExternalId) {
        expect(p.seq).toBe(previous.seq + 1);
        const d = 1000 * haversineKm(previous.lon, previous.lat, p.lon, p.lat);
        expect(d, p.externalId).toBeGreaterThanOrEqual(400);
        expect(d, p.externalId).toBeLessThanOrEqual(500);
      } else expect(p.seq).toBe(1);
      previous = p;
    }
  });
});

describe('generateSeed references and ids', () => {
  it('has unique externalIds per layer', () => {
    for (const layer of ['regions', 'utilities', 'substations', 'lines', 'pylons', 'sites'] as const) {
      const ids = seed[layer].map((x) => x.externalId);
      expect(new Set(ids).size, layer).toBe(ids.length);
    }
  });

  it('resolves every reference', () => {
    const ids = (layer: 'regions' | 'utilities' | 'substations' | 'sites') =>
      new Set(seed[layer].map((x) => x.externalId));
    const [regions, utilities, substations, sites] = [
      ids('regions'),
      ids('utilities'),
      ids('substations'),
      ids('sites'),
    ];
    for (const u of seed.utilities) expect(regions.has(u.regionExternalId ?? '')).toBe(true);
    for (const s of seed.substations) expect(utilities.has(s.utilityExternalId)).toBe(true);
    for (const s of seed.sites)
      if (s.feederSubstationExternalId) expect(substations.has(s.feederSubstationExternalId)).toBe(true);
    for (const c of seed.statusChanges) expect(sites.has(c.siteExternalId)).toBe(true);
  });

  it('feeds each site from its nearest substation within 15 km', () => {
    for (const site of seed.sites) {
      let best: string | null = null;
      let bestM = FEEDER_RADIUS_M;
      for (const s of seed.substations) {
        const d = 1000 * haversineKm(site.lon, site.lat, s.lon, s.lat);
        if (d < bestM) [bestM, best] = [d, s.externalId];
      }
      expect(site.feederSubstationExternalId, site.externalId).toBe(best);
    }
  });
});

describe('generateSeed status changes', () => {
  const bySite = () => {
    const map = new Map<string, SeedStatusChange[]>();
    for (const c of seed.statusChanges) map.set(c.siteExternalId, [...(map.get(c.siteExternalId) ?? []), c]);
    return map;
  };

  it('orders every record by time, within the campaign', () => {
    for (let i = 1; i < seed.statusChanges.length; i++)
      expect(seed.statusChanges[i - 1]!.at <= seed.statusChanges[i]!.at).toBe(true);
    for (const c of seed.statusChanges) {
      expect(c.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(c.at >= CAMPAIGN.start && c.at <= '2026-11-21').toBe(true);
    }
  });

  it('gives each site a creation record, then allowed transitions ending at its status', () => {
    const chains = bySite();
    for (const site of seed.sites) {
      const chain = chains.get(site.externalId) ?? [];
      expect(chain[0]?.fromStatus, site.externalId).toBeNull();
      for (let i = 1; i < chain.length; i++) {
        const [prev, cur] = [chain[i - 1]!, chain[i]!];
        expect(cur.fromStatus).toBe(prev.toStatus);
        expect(
          isTransitionAllowed(cur.fromStatus as Status, cur.toStatus),
          `${cur.fromStatus}→${cur.toStatus}`,
        ).toBe(true);
        expect(prev.at < cur.at).toBe(true);
      }
      expect(chain[chain.length - 1]?.toStatus).toBe(site.status);
      expect(site.firstObserved <= (chain[0]?.at ?? '')).toBe(true);
    }
  });

  it('has utilities on track at the deadline and utilities far behind', () => {
    const chains = bySite();
    const utilityOf = new Map(seed.substations.map((s) => [s.externalId, s.utilityExternalId]));
    const shares = new Map<string, { found: number; done: number }>();
    const deadline = new Date(CAMPAIGN_DEADLINE_MS).toISOString();
    for (const site of seed.sites) {
      const utility = utilityOf.get(site.feederSubstationExternalId ?? '');
      const upTo = (chains.get(site.externalId) ?? []).filter((c) => c.at <= deadline);
      if (!utility || !upTo.some((c) => ILLEGAL_DRAWING.includes(c.toStatus))) continue;
      const now = upTo[upTo.length - 1]?.toStatus;
      const entry = shares.get(utility) ?? { found: 0, done: 0 };
      entry.found++;
      if (now === 'SHUT_DOWN' || now === 'LICENSED') entry.done++;
      shares.set(utility, entry);
    }
    const ratios = [...shares.values()].map((s) => s.done / s.found);
    expect(ratios.filter((r) => r === 1).length).toBeGreaterThanOrEqual(2);
    expect(ratios.filter((r) => r < 0.6).length).toBeGreaterThanOrEqual(2);
  });
});

describe('generateSeed substation loads', () => {
  it('meters at least the base and the known loads, and the hidden farms are the unexplained rest', () => {
    const known = new Map<string, number>();
    for (const s of seed.sites)
      if (s.feederSubstationExternalId && drawsPower(s.status))
        known.set(s.feederSubstationExternalId, (known.get(s.feederSubstationExternalId) ?? 0) + s.loadMw);
    const hiddenAt = new Map(hidden.map((h) => [h.substationExternalId, h.loadMw]));
    expect(hidden.length).toBeGreaterThanOrEqual(8);
    let unreported = 0;
    for (const s of seed.substations) {
      if (s.meteredPeakMw === null || s.baseLoadMw === null) {
        expect(s.meteredPeakMw).toBeNull();
        expect(s.baseLoadMw).toBeNull();
        unreported++;
        continue;
      }
      const unexplained = s.meteredPeakMw - s.baseLoadMw - (known.get(s.externalId) ?? 0);
      expect(unexplained, s.externalId).toBeGreaterThanOrEqual(-0.001);
      expect(unexplained, s.externalId).toBeCloseTo(hiddenAt.get(s.externalId) ?? 0, 2);
      expect(s.capacityMva * 0.85).toBeGreaterThanOrEqual(s.meteredPeakMw - 1e-6);
    }
    expect(unreported).toBeGreaterThan(10);
    for (const h of hidden) expect(hiddenAt.get(h.substationExternalId)).toBeGreaterThanOrEqual(30);
  });
});

describe('generateSeed numbers', () => {
  it('keep to the bounds an import of them would be checked against (the column tables)', () => {
    const rows: [ColumnTable, readonly object[]][] = [
      [SITE_COLUMNS, seed.sites],
      [SUBSTATION_COLUMNS, seed.substations],
      [LINE_COLUMNS, seed.lines],
      [PYLON_COLUMNS, seed.pylons],
    ];
    let checked = 0;
    for (const [columns, table] of rows) {
      for (const [name, column] of Object.entries(columns)) {
        const check = column.imported?.check;
        if (!check || (check.type !== 'number' && check.type !== 'integer')) continue;
        for (const row of table) {
          const value = (row as Record<string, unknown>)[name];
          if (value === null) continue;
          expect(value, name).toBeLessThanOrEqual(check.max);
          if (check.exclusive) expect(value, name).toBeGreaterThan(check.min);
          else expect(value, name).toBeGreaterThanOrEqual(check.min);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });
});
