/**
 * A small PMTiles v3 writer for the tests' own basemap archive (docs/basemap.md). The `pmtiles` npm package only
 * reads; the format is short (github.com/protomaps/PMTiles spec/v3): a 127-byte header, a root directory of
 * varint columns, JSON metadata, then the tiles. Written uncompressed (directory and tiles), with one root
 * directory and no leaves: enough for a test archive of a few hundred tiles, not for a planet.
 */
import { zxyToTileId } from 'pmtiles';

export interface ArchiveTile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export interface ArchiveInfo {
  minZoom: number;
  maxZoom: number;
  /** [minLon, minLat, maxLon, maxLat] */
  bounds: [number, number, number, number];
  metadata: Record<string, unknown>;
}

const HEADER_BYTES = 127;
const ROOT_DIRECTORY_MAX = 16_384 - HEADER_BYTES;

function varints(values: number[]): Uint8Array {
  const out: number[] = [];
  for (let v of values) {
    while (v >= 0x80) {
      out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    out.push(v);
  }
  return Uint8Array.from(out);
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
}

/** The directory's columns: ids as deltas, run lengths (1), lengths, offsets (0 = right after the previous). */
function directory(entries: readonly Entry[]): Uint8Array {
  const values = [entries.length];
  let last = 0;
  for (const e of entries) {
    values.push(e.tileId - last);
    last = e.tileId;
  }
  for (const _ of entries) values.push(1);
  for (const e of entries) values.push(e.length);
  entries.forEach((e, i) => {
    const previous = entries[i - 1];
    values.push(previous && e.offset === previous.offset + previous.length ? 0 : e.offset + 1);
  });
  return varints(values);
}

export function writePmtiles(tiles: readonly ArchiveTile[], info: ArchiveInfo): Uint8Array {
  const sorted = tiles
    .map((t) => ({ tileId: zxyToTileId(t.z, t.x, t.y), data: t.data }))
    .sort((a, b) => a.tileId - b.tileId);
  const entries: Entry[] = [];
  let offset = 0;
  for (const t of sorted) {
    entries.push({ tileId: t.tileId, offset, length: t.data.length });
    offset += t.data.length;
  }
  const root = directory(entries);
  if (root.length > ROOT_DIRECTORY_MAX) {
    throw new Error(`${entries.length} tiles need leaf directories, which this test writer does not write`);
  }
  const metadata = new TextEncoder().encode(JSON.stringify(info.metadata));
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const dataOffset = metadataOffset + metadata.length;
  const total = dataOffset + offset;

  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode('PMTiles'), 0);
  view.setUint8(7, 3);
  const u64 = (at: number, value: number) => view.setBigUint64(at, BigInt(value), true);
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, 0); // leaf directories
  u64(48, 0);
  u64(56, dataOffset);
  u64(64, offset);
  u64(72, entries.length); // addressed tiles
  u64(80, entries.length); // tile entries
  u64(88, entries.length); // tile contents
  view.setUint8(96, 1); // clustered: tiles in id order
  view.setUint8(97, 1); // internal compression: none
  view.setUint8(98, 1); // tile compression: none
  view.setUint8(99, 1); // tile type: MVT
  view.setUint8(100, info.minZoom);
  view.setUint8(101, info.maxZoom);
  const [minLon, minLat, maxLon, maxLat] = info.bounds;
  const e7 = (at: number, degrees: number) => view.setInt32(at, Math.round(degrees * 1e7), true);
  e7(102, minLon);
  e7(106, minLat);
  e7(110, maxLon);
  e7(114, maxLat);
  view.setUint8(118, info.minZoom);
  e7(119, (minLon + maxLon) / 2);
  e7(123, (minLat + maxLat) / 2);
  out.set(root, rootOffset);
  out.set(metadata, metadataOffset);
  let at = dataOffset;
  for (const t of sorted) {
    out.set(t.data, at);
    at += t.data.length;
  }
  return out;
}
