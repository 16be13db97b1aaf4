import { useCallback, useMemo, useState } from 'react';
import type { ApiClient, SiteNear, UnlicensedLoadQuery } from './api';
import type { MapFocus } from './map/focus-features';
import type { CameraRequest } from './map/use-camera';
import { DEFAULT_RADIUS_KM } from './panels/radius';
import { useApiQuery } from './server-state/use-api-query';
import { pointOf } from './point-of';
import { substationOf } from './selection/selection';
import { useSelect, useSelection } from './selection/use-selection';
import { queryKey } from './server-state/query-keys';

/** How many substations the hotspots panel ranks. */
const HOTSPOT_LIMIT = 20;

type Flight =
  { kind: 'substation'; id: number; seq: number } | { kind: 'site'; center: [number, number]; seq: number };

const next = (f: Flight | null) => (f?.seq ?? 0) + 1;

/**
 * The state of the analysis panels: the radius and suspected switch they share (so a hotspot's numbers and its
 * substation panel's agree), the site picked from the open substation's list, and what the map should show.
 * The open substation is the selection's.
 */
export function useAnalysis(api: ApiClient, asOf: string | null) {
  const [settings, setSettings] = useState<UnlicensedLoadQuery>({
    radiusKm: DEFAULT_RADIUS_KM,
    includeSuspected: false,
  });
  const substationId = substationOf(useSelection());
  const select = useSelect();
  // The pick belongs to the substation it was made in: another substation's panel starts with none.
  const [pickedIn, setPicked] = useState<{ substationId: number; site: SiteNear } | null>(null);
  const picked = pickedIn?.substationId === substationId ? pickedIn.site : null;
  const [flight, setFlight] = useState<Flight | null>(null);

  const { radiusKm, includeSuspected } = settings;
  // The map's day: the ranking and the substation's numbers are those of the statuses then.
  const day = asOf === null ? {} : { asOf };
  const ranking = { radiusKm, includeSuspected, limit: HOTSPOT_LIMIT, ...day };
  const hotspots = useApiQuery(queryKey('hotspots', ranking), (signal) => api.hotspots(ranking, signal));
  const substation = useApiQuery(
    substationId === null ? null : queryKey('feature', 'substations', substationId),
    (signal) => api.feature('substations', substationId ?? 0, signal),
  );
  const around = { ...settings, ...day };
  const load = useApiQuery(
    substationId === null ? null : queryKey('unlicensed-load', substationId, around),
    (signal) => api.unlicensedLoad(substationId ?? 0, around, signal),
  );

  // Points are new arrays on every render: the memos depend on their coordinates.
  const [lon, lat] =
    (substation.data?.id === substationId && substation.data && pointOf(substation.data)) || [];
  const [siteLon, siteLat] = (picked && pointOf(picked)) || [];
  const focus = useMemo<MapFocus>(
    () => ({
      radius: lon !== undefined && lat !== undefined ? { center: [lon, lat], radiusKm } : null,
      site: siteLon !== undefined && siteLat !== undefined ? [siteLon, siteLat] : null,
      hover: null,
    }),
    [lon, lat, radiusKm, siteLon, siteLat],
  );
  const camera = useMemo<CameraRequest | null>(() => {
    if (flight?.kind === 'site') return { center: flight.center, seq: flight.seq };
    if (flight?.kind !== 'substation' || flight.id !== substationId || !focus.radius) return null;
    return { ...focus.radius, seq: flight.seq };
  }, [flight, substationId, focus]);

  return {
    settings,
    setRadius: useCallback((km: number) => setSettings((s) => ({ ...s, radiusKm: km })), []),
    setIncludeSuspected: useCallback(
      (on: boolean) => setSettings((s) => ({ ...s, includeSuspected: on })),
      [],
    ),
    hotspots,
    substationId,
    substation,
    load,
    picked: picked?.id ?? null,
    focus,
    camera,
    /** Opens a substation's panel from a list, and moves the map to show its radius. */
    open: useCallback(
      (id: number) => {
        select.substation(id);
        setFlight((f) => ({ kind: 'substation', id, seq: next(f) }));
      },
      [select, setFlight],
    ),
    close: select.closePanel,
    /** A site of the open substation's list: the map flies to it and opens its popup over the panel. */
    pick: useCallback(
      (site: SiteNear) => {
        if (substationId === null) return;
        setPicked({ substationId, site });
        const at = pointOf(site);
        if (!at) return;
        setFlight((f) => ({ kind: 'site', center: at, seq: next(f) }));
        select.choose({ layer: 'sites', id: site.id, at });
      },
      [select, substationId, setPicked, setFlight],
    ),
  };
}
