/** The map module's surface: the rest of the client never touches maplibre-gl. */
export { MapView, type MapViewProps } from './map-view';
export type { MapSnapshot } from './use-snapshot';
export type { MapClick } from './use-click-router';
export { MAP_LAYERS, PYLON_MIN_ZOOM, type MapLayerId } from './map-layers';
export { initialBounds } from './bounds';
export { NO_FOCUS, type MapFocus } from './focus-features';
export type { CameraRequest } from './use-camera';
export type { FlyTarget, FlyToRequest } from './use-fly-to';
export type { ViewCamera } from './use-view-camera';
export type { ZoneEditRequest } from './zone-editor/use-zone-editor';
export { DRAW_SHAPES, type DrawShape } from './zone-editor/draw-shapes';
export type { MeasureKind, MeasureRequest } from './measure/use-measure';
export { NO_OVERLAY, type AnalysisOverlay } from './use-analysis-overlay';
export { unexplainedFeatures, type UnexplainedFeatures } from './analysis-features';
export { REGION_LOAD_CLASSES, regionLoadClass, unexplainedRadiusPx } from './analysis-scales';
