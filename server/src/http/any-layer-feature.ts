import type { LayerFeatureCollectionOf, LayerFeatureOf, LayerId } from '@gridwatch/contract';
import type { LayerFeature } from '../store/store';

/** A feature of whichever layer the path named: one of the layers' own features, as the contract has them. */
export type AnyLayerFeature = { [L in LayerId]: LayerFeatureOf<L> }[LayerId];
export type AnyLayerCollection = { [L in LayerId]: LayerFeatureCollectionOf<L> }[LayerId];

/*
 * For the routes whose layer is known only at run time: the store types a feature by its layer, the schema as
 * the union over the layers, and TypeScript cannot see that the first is one of the second. The response check
 * in tests (response-check.ts) proves that each answer is.
 */
export const asAnyLayerFeature = (feature: LayerFeature): AnyLayerFeature => feature as AnyLayerFeature;

export const asAnyLayerCollection = (collection: {
  type: 'FeatureCollection';
  features: LayerFeature[];
  truncated?: boolean;
}): AnyLayerCollection => collection as AnyLayerCollection;
