import type { Geometry as GeoJsonGeometry } from 'geojson';
import { Type, type TSchema } from 'typebox';

/** Response schemas of GeoJSON (RFC 7946). Requests that carry geometry are validated by domain/geo, not here. */
export const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 3 });
export const Bbox = Type.Array(Type.Number(), { minItems: 4, maxItems: 4 });

export const Geometry = Type.Unsafe<GeoJsonGeometry>({
  type: 'object',
  required: ['type'],
  properties: {
    type: { enum: ['Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon'] },
    coordinates: { type: 'array' },
  },
});

export function FeatureOf<P extends TSchema>(properties: P) {
  return Type.Object({
    type: Type.Literal('Feature'),
    id: Type.Integer({ minimum: 1 }),
    geometry: Geometry,
    properties,
  });
}

export function FeatureCollectionOf<P extends TSchema>(properties: P) {
  return Type.Object({
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(FeatureOf(properties)),
    truncated: Type.Optional(Type.Boolean({ description: 'true when more features matched than `limit`' })),
  });
}
