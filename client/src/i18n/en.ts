import type { Status } from '../api';
import type { MapLayerId } from '../map/map-layers';

/** English interface text; the shape every other language must fill. */
export const en = {
  appTitle: 'gridwatch',
  appSubtitle: 'Xinjiang grid load compliance',
  language: 'Language',
  layers: 'Layers',
  legend: 'Legend',
  siteStatus: 'Mining sites by status',
  illegalNote: 'Outlined: illegal and drawing power',
  sizeByLoad: 'Circle size: load (MW)',
  clusterNote:
    'Numbered circles: nearby sites grouped at low zoom, coloured by the status with the most load',
  voltage: 'Voltage',
  lineLegend: 'Transmission line',
  substationLegend: 'Substation',
  pylonsFromZoom: 'visible from zoom {zoom}',
  loading: 'Loading…',
  loadFailed: 'Could not load {what}: {message}',
  close: 'Close',
  truncatedLayer: 'More than the server sends at once: not all are shown.',
  layerNames: {
    regions: 'Prefectures',
    lines: 'Transmission lines',
    pylons: 'Pylons',
    substations: 'Substations',
    sites: 'Mining sites',
  } satisfies Record<MapLayerId, string>,
  statuses: {
    LICENSED: 'Licensed',
    NO_CONTRACT: 'No power contract',
    UNLICENSED: 'Unlicensed',
    SUSPECTED: 'Suspected',
    SHUTDOWN_ORDERED: 'Shutdown ordered',
    SHUT_DOWN: 'Shut down',
    NOT_FOUND: 'Not found',
  } satisfies Record<Status, string>,
  fields: {
    name: 'Name',
    status: 'Status',
    operator: 'Operator',
    loadMw: 'Load',
    machines: 'Machines',
    firstObserved: 'First observed',
    statusChangedAt: 'Status changed',
    voltageKv: 'Voltage',
    capacityMva: 'Capacity',
    utility: 'Utility',
    meteredPeakMw: 'Metered peak',
    baseLoadMw: 'Base load',
    line: 'Line',
    seq: 'Sequence',
    code: 'Code',
    level: 'Level',
    externalId: 'External id',
  },
  units: { mw: 'MW', kv: 'kV', mva: 'MVA', km: 'km' },
  analysis: {
    radius: 'Radius (km)',
    radiusInvalid: 'Enter a radius above 0 and at most {max} km.',
    includeSuspected: 'Include suspected sites',
    unlicensedLoad: 'Unlicensed load within {radius} km',
    siteCount: 'Sites',
    totalLoad: 'Total load',
    byStatus: 'By status',
    siteList: 'Sites, nearest first',
    noSites: 'No unlicensed load within this radius.',
  },
  substationPanel: {
    title: 'Substation',
    close: 'Close the substation panel',
  },
  hotspots: {
    title: 'Hotspots',
    subtitle: 'Substations by unlicensed load within {radius} km',
    sites: '{count} sites',
    empty: 'No unlicensed load near any substation.',
    withSuspected: 'Suspected sites included.',
  },
  none: '—',
};

export type Messages = {
  [K in keyof typeof en]: (typeof en)[K] extends string ? string : { [F in keyof (typeof en)[K]]: string };
};
