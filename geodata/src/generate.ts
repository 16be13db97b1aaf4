/**
 * The seed data of gridwatch: Xinjiang's real outline with synthetic prefectures, utilities, grid and mining
 * sites, and the audit trail of a synthetic enforcement campaign. Deterministic for a given seed.
 */
import type { Edge } from './network';
import { CAMPAIGN_START_MS } from './campaign';
import { sortByMinute } from './minute-sort';
import { buildNetwork } from './network';
import { lineGeometry, lineName, pylonsAlong } from './lines';
import { drawsPower, pickHiddenFarms, reportSubstations, type HiddenFarm } from './loads';
import { xinjiangOutline } from './outline';
import { PointGrid } from './point-grid';
import { containment, type Containment } from './containment';
import { deriveSeed, Rng } from './prng';
import { buildRegions, buildUtilities } from './regions';
import type { SeedData, SeedLine, SeedPylon, SeedStatusChange } from '@gridwatch/contract';
import { generateSites, type SiteWorld } from './sites';
import { generateSubstations, type GridSubstation } from './substations';
import { generateReadings, type HiddenFarmStart } from './readings';

export type { HiddenFarmStart } from './readings';

export { CAMPAIGN } from './campaign';
export type { HiddenFarm } from './loads';

export const DEFAULT_SEED = 20260101;
export const DEFAULT_SITE_COUNT = 800;

export interface GenerateOptions {
  seed?: number;
  sites?: number;
  /** A year of hourly readings of the metered substations (readings.ts); on by default. */
  readings?: boolean;
}

export interface Grid extends SiteWorld {
  edges: Edge[];
  lines: SeedLine[];
  pylons: SeedPylon[];
}

let outlineIndex: Containment | undefined;

/** Substations, lines and pylons: everything but the sites, which depend on the site count. */
export function buildGrid(seed = DEFAULT_SEED): Grid {
  outlineIndex ??= containment(xinjiangOutline());
  const substations = generateSubstations(new Rng(deriveSeed(seed, 'substations')), outlineIndex);
  const lineRng = new Rng(deriveSeed(seed, 'lines'));
  const edges = buildNetwork(substations, lineRng);
  const counters = new Map<number, number>();
  const lines = edges.map((edge): SeedLine => {
    const n = (counters.get(edge.voltageKv) ?? 0) + 1;
    counters.set(edge.voltageKv, n);
    return {
      externalId: `L${edge.voltageKv}-${String(n).padStart(3, '0')}`,
      ...lineName(edge),
      voltageKv: edge.voltageKv,
      fromSubstationExternalId: edge.from.externalId,
      toSubstationExternalId: edge.to.externalId,
      geometry: lineGeometry(edge, lineRng),
      synthetic: true,
    };
  });
  return {
    outline: outlineIndex,
    substations,
    grid: new PointGrid(substations),
    edges,
    lines,
    pylons: lines.flatMap(pylonsAlong),
  };
}

/**
 * The seed and the truth behind it: the farms left out of the sites table on purpose, whose load shows up
 * only in their substations' metered peaks (for tests and demos of the unexplained load).
 */
export function generateSeedWithTruth(options: GenerateOptions = {}): {
  data: SeedData;
  hiddenFarms: HiddenFarm[];
  /** When each hidden farm's load appears in the readings (none without readings). */
  hiddenStarts: HiddenFarmStart[];
} {
  const seed = options.seed ?? DEFAULT_SEED;
  const count = options.sites ?? DEFAULT_SITE_COUNT;
  const grid = buildGrid(seed);
  const knownMw = new Map<GridSubstation, number>();
  const sites: SeedData['sites'] = [];
  const changesInSiteOrder: SeedStatusChange[] = [];
  const minutes: number[] = [];
  const siteRng = new Rng(deriveSeed(seed, 'sites'));
  for (const { site, feeder, changes, changeTimes } of generateSites(grid, count, siteRng)) {
    sites.push(site);
    changes.forEach((change, i) => {
      changesInSiteOrder.push(change);
      minutes.push(((changeTimes[i] ?? 0) - CAMPAIGN_START_MS) / 60_000);
    });
    if (feeder && drawsPower(site.status)) knownMw.set(feeder, (knownMw.get(feeder) ?? 0) + site.loadMw);
  }
  // Stable, so records of the same minute keep site order and each site's records keep theirs.
  const statusChanges = sortByMinute(changesInSiteOrder, minutes);
  const loadRng = new Rng(deriveSeed(seed, 'loads'));
  const hiddenFarms = pickHiddenFarms(grid.substations, loadRng);
  const data: SeedData = {
    regions: buildRegions(),
    utilities: buildUtilities(),
    substations: reportSubstations(grid.substations, knownMw, hiddenFarms, loadRng),
    lines: grid.lines,
    pylons: grid.pylons,
    sites,
    statusChanges,
  };
  if (options.readings === false) return { data, hiddenFarms, hiddenStarts: [] };
  const { readings, hiddenStarts } = generateReadings(data, hiddenFarms, seed);
  return { data: { ...data, readings }, hiddenFarms, hiddenStarts };
}

export function generateSeed(options: GenerateOptions = {}): SeedData {
  return generateSeedWithTruth(options).data;
}
