import { STATUSES, type Status } from '@gridwatch/contract';
import { NO_FILTERS, VOLTAGES, type MapFilters } from '../filters/map-filters';
import { MAP_LAYERS, type MapLayerId } from '../map/map-layers';

/** What a link to the map carries: enough to open the same view on another screen. */
export interface ViewState {
  camera: { center: [number, number]; zoom: number } | null;
  hidden: readonly MapLayerId[];
  filters: MapFilters;
  selected: { layer: MapLayerId; id: number } | null;
}

/** About a metre: finer would only make the link longer and the history fuller. */
const COORD_DIGITS = 5;
const ZOOM_DIGITS = 2;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const list = (text: string | null) => (text ? text.split(',') : []);
const number = (text: string | null) => (text === null || text.trim() === '' ? null : Number(text));
const finite = (n: number | null): n is number => n !== null && Number.isFinite(n);

/** The query string of a view; the defaults are left out, so that the plain map has the plain address. */
export function encodeView({ camera, hidden, filters, selected }: ViewState): string {
  const params = new URLSearchParams();
  if (camera) {
    params.set('c', camera.center.map((n) => n.toFixed(COORD_DIGITS)).join(','));
    params.set('z', camera.zoom.toFixed(ZOOM_DIGITS));
  }
  if (hidden.length > 0) params.set('hide', MAP_LAYERS.filter((l) => hidden.includes(l)).join(','));
  if (filters.status.length < STATUSES.length) params.set('status', filters.status.join(','));
  if (filters.voltageKv.length < VOLTAGES.length) params.set('kv', filters.voltageKv.join(','));
  if (filters.utility !== null) params.set('utility', String(filters.utility));
  if (filters.region !== null) params.set('region', String(filters.region));
  if (filters.minLoadMw !== null) params.set('min', String(filters.minLoadMw));
  if (filters.maxLoadMw !== null) params.set('max', String(filters.maxLoadMw));
  if (filters.asOf !== null) params.set('date', filters.asOf);
  if (selected) params.set('sel', `${selected.layer}:${selected.id}`);
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** Reads a view from a query string; what is missing or malformed is the default (a link may be hand-edited). */
export function decodeView(search: string): ViewState {
  const params = new URLSearchParams(search);
  const [lon, lat] = list(params.get('c')).map(Number);
  const zoom = number(params.get('z'));
  const camera =
    finite(lon ?? null) && finite(lat ?? null) && finite(zoom)
      ? { center: [lon, lat] as [number, number], zoom }
      : null;
  const statuses = STATUSES.filter((s: Status) => list(params.get('status')).includes(s));
  const voltages = VOLTAGES.filter((kv) => list(params.get('kv')).map(Number).includes(kv));
  const bound = (key: string) => {
    const value = number(params.get(key));
    return finite(value) && value >= 0 ? value : null;
  };
  const idParam = (key: string) => {
    const value = number(params.get(key));
    return finite(value) && Number.isInteger(value) && value > 0 ? value : null;
  };
  const [layer, id] = (params.get('sel') ?? '').split(':');
  const selectedLayer = MAP_LAYERS.find((l) => l === layer);
  const selectedId = Number(id);
  return {
    camera,
    hidden: MAP_LAYERS.filter((l) => list(params.get('hide')).includes(l)),
    filters: {
      status: statuses.length > 0 ? statuses : NO_FILTERS.status,
      voltageKv: voltages.length > 0 ? voltages : NO_FILTERS.voltageKv,
      utility: idParam('utility'),
      region: idParam('region'),
      minLoadMw: bound('min'),
      maxLoadMw: bound('max'),
      asOf: DAY.test(params.get('date') ?? '') ? params.get('date') : null,
    },
    selected:
      selectedLayer && Number.isInteger(selectedId) && selectedId > 0
        ? { layer: selectedLayer, id: selectedId }
        : null,
  };
}
