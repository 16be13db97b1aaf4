import { Type, type Static } from 'typebox';
import { LayerQuery } from './layers';

/** `:file` of GET /api/export/:file: `<layer>.geojson` or `<layer>.csv`, parsed by the route. */
export const ExportParams = Type.Object({
  file: Type.String({ description: 'e.g. sites.geojson or sites.csv' }),
});
export type ExportParams = Static<typeof ExportParams>;

// The layer route's filters (but its page size): what the map shows is what is exported.
const { limit: _page, ...layerFilters } = LayerQuery.properties;

export const ExportQuery = Type.Object(
  {
    ...layerFilters,
    zone: Type.Optional(Type.Integer({ minimum: 1, description: 'sites in this inspection zone' })),
  },
  { additionalProperties: false },
);
export type ExportQuery = Static<typeof ExportQuery>;

/** A streamed file, not JSON: documented here, never checked against a schema. */
export const ExportFile = Type.Unsafe<unknown>({ type: 'string', format: 'binary', description: 'the file' });
