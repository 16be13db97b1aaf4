import { Type, type Static } from 'typebox';
import { FeatureCollectionOf, FeatureOf } from './geojson';
import {
  LineProperties,
  PylonProperties,
  RegionProperties,
  SiteProperties,
  SubstationProperties,
  ZoneProperties,
} from './layers';

/** A Feature of each layer as the API serves it (GET /api/<layer>/:id, the writes that answer one). */
export const LAYER_FEATURE = {
  regions: FeatureOf(RegionProperties),
  substations: FeatureOf(SubstationProperties),
  lines: FeatureOf(LineProperties),
  pylons: FeatureOf(PylonProperties),
  sites: FeatureOf(SiteProperties),
  zones: FeatureOf(ZoneProperties),
};

/** A FeatureCollection of each layer (GET /api/layers/:layer). */
export const LAYER_FEATURE_COLLECTION = {
  regions: FeatureCollectionOf(RegionProperties),
  substations: FeatureCollectionOf(SubstationProperties),
  lines: FeatureCollectionOf(LineProperties),
  pylons: FeatureCollectionOf(PylonProperties),
  sites: FeatureCollectionOf(SiteProperties),
  zones: FeatureCollectionOf(ZoneProperties),
};

export type LayerFeatureSchemas = typeof LAYER_FEATURE;
export type LayerFeatureOf<L extends keyof LayerFeatureSchemas> = Static<LayerFeatureSchemas[L]>;
export type LayerFeatureCollectionOf<L extends keyof LayerFeatureSchemas> = Static<
  (typeof LAYER_FEATURE_COLLECTION)[L]
>;

/** GET /api/layers/:layer: the collection of whichever layer the path names. */
export const AnyLayerFeatureCollection = Type.Union([
  LAYER_FEATURE_COLLECTION.regions,
  LAYER_FEATURE_COLLECTION.substations,
  LAYER_FEATURE_COLLECTION.lines,
  LAYER_FEATURE_COLLECTION.pylons,
  LAYER_FEATURE_COLLECTION.sites,
  LAYER_FEATURE_COLLECTION.zones,
]);
