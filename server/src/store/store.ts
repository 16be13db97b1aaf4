/**
 * The one interface of persistence. Two adapters implement it (sqlite/, postgis/) with the same behaviour,
 * checked by the conformance suite. Routes and services see only this.
 */
import type { Feature, Geometry } from 'geojson';
import type { LayerId, LayerInfo, LayerPropertiesMap } from '../api/layers';
import type { Bbox } from '../domain/geo/bbox';
import type { Status } from '../domain/status';

export type Backend = 'sqlite' | 'postgis';

export type LayerFeature<L extends LayerId = LayerId> = Feature<Geometry, LayerPropertiesMap[L]> & {
  id: number;
};

export interface LayerFilter {
  bbox?: Bbox;
  statuses?: Status[];
  limit: number;
}

export interface LayerPage<L extends LayerId = LayerId> {
  features: LayerFeature<L>[];
  truncated: boolean;
}

export interface Store {
  readonly backend: Backend;
  layerInfos(): Promise<LayerInfo[]>;
  /** Features ordered by id; at most `limit`, with `truncated` when more matched. */
  queryLayer<L extends LayerId>(layer: L, filter: LayerFilter): Promise<LayerPage<L>>;
  getFeature<L extends LayerId>(layer: L, id: number): Promise<LayerFeature<L> | null>;
  close(): Promise<void>;
}
