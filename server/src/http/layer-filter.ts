import {
  isStatus,
  LAYER_IDS,
  STATUSES,
  type LayerId,
  type LayerQuery,
  type Status,
} from '@gridwatch/contract';
import { parseBbox } from '../domain/geo/bbox';
import type { LayerFilter } from '../store/store';
import { notFound, validationFailed } from './app-error';

/** A layer route's query string (layers, tiles, exports) as a store filter: one translation, one set of refusals. */
export function parseLayerId(layer: string): LayerId {
  if (!(LAYER_IDS as readonly string[]).includes(layer)) {
    throw notFound(`Unknown layer "${layer}"; the layers are ${LAYER_IDS.join(', ')}`);
  }
  return layer as LayerId;
}

/** The layer route's query string as a store filter; each refusal names the parameter and the bad value. */
export function toLayerFilter(layer: LayerId, query: LayerQuery): LayerFilter {
  const filter: LayerFilter = { limit: query.limit ?? 10_000 };
  if (query.bbox !== undefined) {
    const bbox = parseBbox(query.bbox);
    if (!bbox.ok)
      throw validationFailed(bbox.reason, [{ in: 'querystring', path: '/bbox', message: bbox.reason }]);
    filter.bbox = bbox.value;
  }
  if (query.status !== undefined) {
    if (layer !== 'sites') {
      const message = `status filters apply to the sites layer only, not to ${layer}`;
      throw validationFailed(message, [{ in: 'querystring', path: '/status', message }]);
    }
    const statuses = query.status.split(',').map((s) => s.trim());
    const bad = statuses.find((s) => !isStatus(s));
    if (bad !== undefined) {
      const message = `unknown status "${bad}"; statuses are ${STATUSES.join(', ')}`;
      throw validationFailed(message, [{ in: 'querystring', path: '/status', message }]);
    }
    filter.statuses = statuses as Status[];
  }
  if (query.voltageKv !== undefined) {
    onlyFor(layer, ['substations', 'lines'], 'voltageKv');
    const voltages = query.voltageKv.split(',').map((v) => Number(v.trim()));
    if (voltages.some((v) => !Number.isFinite(v) || v <= 0)) {
      refuse('voltageKv', `voltageKv "${query.voltageKv}" must be positive numbers separated by commas`);
    }
    filter.voltagesKv = voltages;
  }
  if (query.minLoadMw !== undefined || query.maxLoadMw !== undefined) {
    onlyFor(layer, ['sites'], query.minLoadMw !== undefined ? 'minLoadMw' : 'maxLoadMw');
    if (query.minLoadMw !== undefined && query.maxLoadMw !== undefined && query.minLoadMw > query.maxLoadMw) {
      refuse('minLoadMw', `minLoadMw ${query.minLoadMw} is greater than maxLoadMw ${query.maxLoadMw}`);
    }
    if (query.minLoadMw !== undefined) filter.minLoadMw = query.minLoadMw;
    if (query.maxLoadMw !== undefined) filter.maxLoadMw = query.maxLoadMw;
  }
  if (query.utility !== undefined) {
    onlyFor(layer, ['sites', 'substations'], 'utility');
    filter.utilityId = query.utility;
  }
  if (query.region !== undefined) {
    onlyFor(layer, ['sites', 'substations', 'pylons'], 'region');
    filter.regionId = query.region;
  }
  return filter;
}

function refuse(parameter: string, message: string): never {
  throw validationFailed(message, [{ in: 'querystring', path: `/${parameter}`, message }]);
}

function onlyFor(layer: LayerId, layers: LayerId[], parameter: string): void {
  if (layers.includes(layer)) return;
  const names = layers.length > 1 ? `${layers.slice(0, -1).join(', ')} and ${layers.at(-1)}` : layers[0];
  refuse(parameter, `${parameter} filters apply to ${names} only, not to ${layer}`);
}
