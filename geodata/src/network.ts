/**
 * Which substations a line joins: the authored 750 kV backbone, then each lower voltage level hung off the
 * levels above it as a minimum spanning tree (Prim, started from all the higher-level nodes at once, so no
 * 220 kV line duplicates the backbone), plus a few loops as real grids have for redundancy.
 */
import { haversineKm } from '@gridwatch/contract';
import type { Rng } from './prng';
import type { GridSubstation } from './substations';

export interface Edge {
  from: GridSubstation;
  to: GridSubstation;
  voltageKv: 110 | 220 | 750;
}

export const BACKBONE: readonly (readonly [string, string])[] = [
  ['urumqi', 'changji'],
  ['changji', 'shihezi'],
  ['shihezi', 'kuitun'],
  ['kuitun', 'bole'],
  ['bole', 'yining'],
  ['kuitun', 'karamay'],
  ['karamay', 'tacheng'],
  ['karamay', 'altay'],
  ['urumqi', 'zhundong-wucaiwan'],
  ['zhundong-wucaiwan', 'hami'],
  ['urumqi', 'turpan'],
  ['turpan', 'hami'],
  ['turpan', 'korla'],
  ['korla', 'kuqa'],
  ['kuqa', 'aksu'],
  ['aksu', 'bachu'],
  ['bachu', 'kashgar'],
  ['kashgar', 'hotan'],
  ['bachu', 'hotan'],
];

const km = (a: GridSubstation, b: GridSubstation): number => haversineKm(a.lon, a.lat, b.lon, b.lat);

export function buildNetwork(substations: readonly GridSubstation[], rng: Rng): Edge[] {
  const hubs = new Map(substations.filter((s) => s.hub !== null).map((s) => [s.hub, s]));
  const edges: Edge[] = BACKBONE.map(([a, b]) => {
    const from = hubs.get(a);
    const to = hubs.get(b);
    if (!from || !to) throw new Error(`backbone hub missing: ${a}–${b}`);
    return { from, to, voltageKv: 750 };
  });
  const at = (kv: number) => substations.filter((s) => s.voltageKv === kv);
  edges.push(...treeFrom(at(750), at(220), 220));
  edges.push(...treeFrom(at(220), at(110), 110));
  edges.push(...loops(at(220), [...at(220), ...at(750)], 220, 0.15, 120, edges, rng));
  edges.push(...loops(at(110), [...at(110), ...at(220)], 110, 0.1, 45, edges, rng));
  return edges;
}

/** Prim's algorithm with every source already in the tree; O(n·m), fine for a few hundred nodes. */
function treeFrom(
  sources: readonly GridSubstation[],
  nodes: readonly GridSubstation[],
  voltageKv: 110 | 220,
): Edge[] {
  const best = nodes.map((n) => {
    let to = sources[0];
    let d = Infinity;
    for (const s of sources) {
      const dd = km(n, s);
      if (dd < d) [d, to] = [dd, s];
    }
    return { d, to };
  });
  const done = new Array<boolean>(nodes.length).fill(false);
  const edges: Edge[] = [];
  for (let round = 0; round < nodes.length; round++) {
    let pick = -1;
    for (let i = 0; i < nodes.length; i++)
      if (!done[i] && (pick < 0 || (best[i]?.d ?? Infinity) < (best[pick]?.d ?? Infinity))) pick = i;
    const node = nodes[pick];
    const link = best[pick]?.to;
    if (!node || !link) break;
    done[pick] = true;
    edges.push({ from: link, to: node, voltageKv });
    nodes.forEach((other, i) => {
      const entry = best[i];
      if (done[i] || !entry) return;
      const d = km(other, node);
      if (d < entry.d) {
        entry.d = d;
        entry.to = node;
      }
    });
  }
  return edges;
}

function loops(
  nodes: readonly GridSubstation[],
  targets: readonly GridSubstation[],
  voltageKv: 110 | 220,
  share: number,
  maxKm: number,
  existing: readonly Edge[],
  rng: Rng,
): Edge[] {
  const linked = new Set(
    existing.flatMap((e) => [
      `${e.from.externalId}|${e.to.externalId}`,
      `${e.to.externalId}|${e.from.externalId}`,
    ]),
  );
  const out: Edge[] = [];
  for (const node of nodes) {
    if (!rng.chance(share)) continue;
    const candidates = targets
      .filter((t) => t !== node && !linked.has(`${node.externalId}|${t.externalId}`))
      .map((t) => ({ t, d: km(node, t) }))
      .filter((c) => c.d <= maxKm && c.d >= 3)
      .sort((a, b) => a.d - b.d);
    const target = candidates[0]?.t;
    if (!target) continue;
    linked.add(`${node.externalId}|${target.externalId}`).add(`${target.externalId}|${node.externalId}`);
    out.push({ from: node, to: target, voltageKv });
  }
  return out;
}
