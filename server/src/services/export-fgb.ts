/**
 * A layer export as FlatGeobuf with its packed Hilbert R-tree (docs/gis-clients.md): the layer's served columns
 * (from the contract's column table) plus `id`, and the export's `meta` in the header's description and metadata.
 */
import { LAYER_COLUMNS, type LayerId } from '@gridwatch/contract';
import { FlatGeobufWriter, type FgbColumn } from '../domain/geo/flatgeobuf-file';
import { termWatts, wattsToMw } from '../domain/sum-term';
import { exportMeta, features, type ExportRequest, type ExportSource } from './export-layer';

const FGB_TYPES = { text: 'string', int: 'int', real: 'double', bool: 'bool' } as const;

/** The feature's id, then each served column as the column table types it. */
function columnsOf(layer: LayerId): FgbColumn[] {
  const served = Object.entries(LAYER_COLUMNS[layer]).filter(([, spec]) => spec.served);
  return [
    { name: 'id', type: 'int' },
    ...served.map(([name, spec]) => ({ name, type: FGB_TYPES[spec.read] })),
  ];
}

/** The FlatGeobuf of the export's features, built whole: the index needs every feature's box before the first. */
export async function flatgeobufExport(store: ExportSource, request: ExportRequest): Promise<Uint8Array> {
  const writer = new FlatGeobufWriter(columnsOf(request.layer));
  let loadW = 0; // whole watts (domain/sum-term.ts)
  for await (const feature of features(store, request)) {
    const properties = feature.properties as Record<string, unknown>;
    writer.add(feature.geometry, { id: feature.id, ...properties });
    if (request.layer === 'sites') loadW += termWatts((properties as { loadMw: number }).loadMw);
  }
  const meta = JSON.stringify(exportMeta(request, writer.count, wattsToMw(loadW)));
  return writer.finish({
    name: request.layer,
    title: `gridwatch ${request.layer}`,
    description: meta,
    metadata: meta,
  });
}
