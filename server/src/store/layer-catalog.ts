import type { LayerId, LayerInfo } from '@gridwatch/contract';

/** What each layer is called and holds; counts and extents come from the store. */
export const LAYER_CATALOG: Record<LayerId, Omit<LayerInfo, 'id' | 'count' | 'bbox'>> = {
  regions: { title: 'Regions', titleZh: '行政区', geometryType: 'MultiPolygon' },
  substations: { title: 'Substations', titleZh: '变电站', geometryType: 'Point' },
  lines: { title: 'Transmission lines', titleZh: '输电线路', geometryType: 'LineString' },
  pylons: { title: 'Pylons', titleZh: '杆塔', geometryType: 'Point' },
  sites: { title: 'Mining sites', titleZh: '矿场', geometryType: 'Point' },
  zones: { title: 'Inspection zones', titleZh: '检查区域', geometryType: 'Polygon' },
};
