/** The API's types, taken from the server's TypeBox schemas so that nothing is typed twice. */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { LayerId, LayerInfo, LayerPropertiesMap } from '../../../server/src/api/layers';
import type { ErrorBody } from '../../../server/src/api/errors';

export type { LayerId, LayerInfo, LayerPropertiesMap, ErrorBody };
export type { Status } from '../../../server/src/domain/status';

/** A feature as the API serves it: an integer id and the layer's attributes. */
export type ApiFeature<L extends LayerId> = Feature<Geometry, LayerPropertiesMap[L]> & { id: number };

export type ApiFeatureCollection<L extends LayerId> = FeatureCollection<Geometry, LayerPropertiesMap[L]> & {
  features: ApiFeature<L>[];
  truncated?: boolean;
};

/** [minLon, minLat, maxLon, maxLat] */
export type Bbox = [number, number, number, number];

export interface LayerFilter {
  bbox?: Bbox;
  status?: readonly string[];
  limit?: number;
}
