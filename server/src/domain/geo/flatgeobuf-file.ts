/**
 * A FlatGeobuf file (spec 3.x) with its packed Hilbert R-tree. The header and feature flatbuffers are the
 * `flatgeobuf` package's own (its generated Header/Column/Crs tables, its buildFeature and GeoJSON parseGeometry);
 * only the index is ours (packed-rtree.ts), since the package's writer fixes indexNodeSize to 0. Pure: GeoJSON
 * features in, bytes out; the export (services/export-fgb.ts) feeds it from the store.
 */
import * as flatbuffers from 'flatbuffers';
import type { Geometry } from 'geojson';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import { Column } from 'flatgeobuf/lib/mjs/flat-geobuf/column.js';
import { Crs } from 'flatgeobuf/lib/mjs/flat-geobuf/crs.js';
import { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';
import { Header } from 'flatgeobuf/lib/mjs/flat-geobuf/header.js';
import { buildFeature, type IProperties } from 'flatgeobuf/lib/mjs/generic/feature.js';
import { parseGeometry } from 'flatgeobuf/lib/mjs/geojson/geometry.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { envelopeOf } from './wkb';
import { DEFAULT_NODE_SIZE, extentOf, hilbertOrder, packedRTree, type Box } from './packed-rtree';

/** 'fgb', spec major version 3, 'fgb', patch 0. */
const MAGIC = new Uint8Array([0x66, 0x67, 0x62, 0x03, 0x66, 0x67, 0x62, 0x00]);

export type FgbColumnType = 'string' | 'int' | 'double' | 'bool' | 'json';
export interface FgbColumn {
  name: string;
  type: FgbColumnType;
}

const COLUMN_TYPES: Record<FgbColumnType, ColumnType> = {
  string: ColumnType.String,
  int: ColumnType.Int,
  double: ColumnType.Double,
  bool: ColumnType.Bool,
  json: ColumnType.Json,
};

const JS_TYPES: Record<FgbColumnType, string> = {
  string: 'string',
  int: 'number',
  double: 'number',
  bool: 'boolean',
  json: 'object',
};

type SimpleGeometry = Exclude<Geometry, { type: 'GeometryCollection' }>;

/** What the header says of the dataset besides its columns (spec 3.x: name, title, description, metadata). */
export interface FgbDescription {
  name: string;
  title: string;
  description: string;
  /** Application-specific; the spec suggests JSON. */
  metadata: string;
}

/**
 * Add features one by one (each is encoded at once, so only bytes are kept), then `finish`: the features are
 * written in Hilbert order after the header and the index. WGS 84 (EPSG:4326) coordinates.
 */
export class FlatGeobufWriter {
  private readonly features: Uint8Array[] = [];
  private readonly boxes: Box[] = [];
  private geometryType: GeometryType | null = null;
  private readonly headerColumns: HeaderMeta['columns'];

  constructor(
    private readonly columns: readonly FgbColumn[],
    private readonly nodeSize = DEFAULT_NODE_SIZE,
  ) {
    this.headerColumns = columns.map((c) => ({
      name: c.name,
      type: COLUMN_TYPES[c.type],
      title: null,
      description: null,
      width: -1,
      precision: -1,
      scale: -1,
      nullable: true,
      unique: false,
      primary_key: false,
    }));
  }

  get count() {
    return this.features.length;
  }

  add(geometry: Geometry, properties: Record<string, unknown>) {
    if (geometry.type === 'GeometryCollection') throw new Error('A geometry collection is not exported');
    const known = new Set(this.columns.map((c) => c.name));
    const stray = Object.keys(properties).find((k) => !known.has(k));
    if (stray !== undefined) throw new Error(`Property ${stray} has no column`);
    const values: IProperties = {};
    for (const { name, type } of this.columns) {
      const value = properties[name] ?? null;
      // buildFeature writes what it is given as the column's type: a mismatch would corrupt the file silently.
      if (value !== null && typeof value !== JS_TYPES[type])
        throw new Error(`Property ${name} is ${typeof value}, its column ${type}`);
      values[name] = value as IProperties[string];
    }
    const parsed = parseGeometry(geometry as SimpleGeometry);
    const type = parsed.type;
    this.geometryType =
      this.geometryType === null || this.geometryType === type ? type : GeometryType.Unknown;
    const header = { columns: this.headerColumns } as HeaderMeta;
    this.features.push(buildFeature(parsed, values, header));
    this.boxes.push(envelopeOf(geometry));
  }

  finish(about: FgbDescription): Uint8Array {
    const order = hilbertOrder(this.boxes);
    const boxes = order.map((i) => this.boxes[i]!);
    const offsets: number[] = [];
    let size = 0;
    for (const i of order) {
      offsets.push(size);
      size += this.features[i]!.length;
    }
    // No feature, no tree: the spec's tree needs at least one item, and the readers skip a size-0 index.
    const nodeSize = order.length === 0 ? 0 : this.nodeSize;
    const index = order.length === 0 ? new Uint8Array(0) : packedRTree(boxes, offsets, nodeSize);
    const header = this.header(about, nodeSize, extentOf(boxes));
    const file = new Uint8Array(MAGIC.length + header.length + index.length + size);
    file.set(MAGIC, 0);
    file.set(header, MAGIC.length);
    file.set(index, MAGIC.length + header.length);
    let at = MAGIC.length + header.length + index.length;
    for (const i of order) {
      file.set(this.features[i]!, at);
      at += this.features[i]!.length;
    }
    return file;
  }

  private header(about: FgbDescription, nodeSize: number, extent: Box | null): Uint8Array {
    const builder = new flatbuffers.Builder(1024);
    const columns = Header.createColumnsVector(
      builder,
      this.columns.map((c) => {
        const name = builder.createString(c.name);
        Column.startColumn(builder);
        Column.addName(builder, name);
        Column.addType(builder, COLUMN_TYPES[c.type]);
        Column.addNullable(builder, true);
        return Column.endColumn(builder);
      }),
    );
    const org = builder.createString('EPSG');
    const crs = (() => {
      Crs.startCrs(builder);
      Crs.addOrg(builder, org);
      Crs.addCode(builder, 4326);
      return Crs.endCrs(builder);
    })();
    const name = builder.createString(about.name);
    const title = builder.createString(about.title);
    const description = builder.createString(about.description);
    const metadata = builder.createString(about.metadata);
    const envelope = extent ? Header.createEnvelopeVector(builder, [...extent]) : 0;
    Header.startHeader(builder);
    Header.addName(builder, name);
    if (envelope) Header.addEnvelope(builder, envelope);
    Header.addGeometryType(builder, this.geometryType ?? GeometryType.Unknown);
    Header.addColumns(builder, columns);
    Header.addFeaturesCount(builder, BigInt(this.features.length));
    Header.addIndexNodeSize(builder, nodeSize);
    Header.addCrs(builder, crs);
    Header.addTitle(builder, title);
    Header.addDescription(builder, description);
    Header.addMetadata(builder, metadata);
    builder.finishSizePrefixed(Header.endHeader(builder));
    return builder.asUint8Array();
  }
}
