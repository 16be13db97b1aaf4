/**
 * Encodes one layer of tile features (geojson-vt's shape: pixel coordinates of the 4096 grid) as a Mapbox Vector
 * Tile, byte for byte as vt-pbf does, but for one thing: a number that is not a safe integer is written as a
 * double. vt-pbf writes every whole number as a varint, and a varint holds at most 2⁶⁴: a site stored with
 * `loadMw` 1e20 (or 1.7e308, a whole number too) made it throw "Given varint doesn't fit into 10 bytes", and
 * every SQLite tile holding that site answered 500. PostGIS's ST_AsMVT writes float8 columns as doubles anyway.
 */
import type { LegacyFeature } from 'geojson-vt';

/** A growing buffer of protobuf fields. */
class Writer {
  private bytes = new Uint8Array(256);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** A non-negative integer up to 2⁵³, seven bits a byte. */
  varint(value: number): void {
    this.reserve(10);
    let v = value;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.bytes[this.length++] = v;
  }

  private tag(field: number, wireType: 0 | 1 | 2): void {
    this.varint((field << 3) | wireType);
  }

  varintField(field: number, value: number): void {
    this.tag(field, 0);
    this.varint(value);
  }

  doubleField(field: number, value: number): void {
    this.tag(field, 1);
    this.reserve(8);
    new DataView(this.bytes.buffer).setFloat64(this.length, value, true);
    this.length += 8;
  }

  bytesField(field: number, bytes: Uint8Array): void {
    this.tag(field, 2);
    this.varint(bytes.length);
    this.reserve(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  stringField(field: number, value: string): void {
    this.bytesField(field, new TextEncoder().encode(value));
  }

  /** A length-delimited field whose content `write` puts into a writer of its own. */
  messageField(field: number, write: (w: Writer) => void): void {
    const inner = new Writer();
    write(inner);
    this.bytesField(field, inner.finish());
  }

  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

type TagValue = string | number | boolean;

/** A Value message (MVT 2.1, 4.1): as vt-pbf writes it, save that no number is ever a varint beyond 2⁵³. */
function writeValue(w: Writer, value: TagValue): void {
  if (typeof value === 'string') w.stringField(1, value);
  else if (typeof value === 'boolean') w.varintField(7, value ? 1 : 0);
  else if (!Number.isSafeInteger(value)) w.doubleField(3, value);
  else if (value < 0) w.varintField(6, -value * 2 - 1);
  else w.varintField(5, value);
}

const command = (id: number, count: number) => (count << 3) + (id & 0x7);
const zigzag = (n: number) => (n << 1) ^ (n >> 31);

/** The geometry commands of a feature (MVT 2.1, 4.3): MoveTo, LineTo, ClosePath, positions as deltas. */
function writeGeometry(w: Writer, feature: LegacyFeature): void {
  const rings = feature.type === 1 ? [feature.geometry] : feature.geometry;
  let x = 0;
  let y = 0;
  for (const ring of rings) {
    w.varint(command(1, feature.type === 1 ? ring.length : 1));
    // A polygon's closing position is not written: ClosePath says it.
    const count = feature.type === 3 ? ring.length - 1 : ring.length;
    for (let i = 0; i < count; i++) {
      if (i === 1 && feature.type !== 1) w.varint(command(2, count - 1));
      const [px = 0, py = 0] = ring[i]!;
      w.varint(zigzag(px - x));
      w.varint(zigzag(py - y));
      x = px;
      y = py;
    }
    if (feature.type === 3) w.varint(command(7, 1));
  }
}

/** A tile of one layer `name` (MVT version 2) holding the features, with their ids and tags. */
export function encodeTile(name: string, features: readonly LegacyFeature[], extent: number): Uint8Array {
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  const values: TagValue[] = [];
  const valueIndex = new Map<string, number>();
  const tile = new Writer();
  tile.messageField(3, (layer) => {
    layer.varintField(15, 2);
    layer.stringField(1, name);
    layer.varintField(5, extent);
    for (const feature of features) {
      layer.messageField(2, (f) => {
        if (typeof feature.id === 'number') f.varintField(1, feature.id);
        f.messageField(2, (tags) => {
          for (const [key, raw] of Object.entries(feature.tags ?? {})) {
            if (raw === null || raw === undefined) continue;
            const value: TagValue =
              typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean'
                ? raw
                : JSON.stringify(raw);
            let k = keyIndex.get(key);
            if (k === undefined) keyIndex.set(key, (k = keys.push(key) - 1));
            const valueKey = `${typeof raw}:${String(value)}`;
            let v = valueIndex.get(valueKey);
            if (v === undefined) valueIndex.set(valueKey, (v = values.push(value) - 1));
            tags.varint(k);
            tags.varint(v);
          }
        });
        f.varintField(3, feature.type);
        f.messageField(4, (g) => writeGeometry(g, feature));
      });
    }
    for (const key of keys) layer.stringField(3, key);
    for (const value of values) layer.messageField(4, (v) => writeValue(v, value));
  });
  return tile.finish();
}
