import { useCallback, useMemo, useState } from 'react';
import type { ApiClient, SiteNear, UnlicensedLoadQuery } from './api';
import type { CameraRequest, MapFocus } from './map';
import { DEFAULT_RADIUS_KM } from './panels/radius';
import { useApiQuery } from './panels/use-api-query';
import { pointOf } from './point-of';

/** How many substations the hotspots panel ranks. */
const HOTSPOT_LIMIT = 20;

type Flight =
  { kind: 'substation'; id: number; seq: number } | { kind: 'site'; center: [number, number]; seq: number };

const next = (f: Flight | null) => (f?.seq ?? 0) + 1;

/**
 * The state of the analysis panels: the radius and suspected switch they share (so a hotspot's numbers and its
 * substation panel's agree), the open substation, the site picked from its list, and what the map should show.
 */
export function useAnalysis(api: ApiClient, asOf: string | null) {
  const [settings, setSettings] = useState<UnlicensedLoadQuery>({
    radiusKm: DEFAULT_RADIUS_KM,
    includeSuspected: false,
  });
  const [substationId, setSubstationId] = useState<number | null>(null);
  const [picked, setPicked] = useState<SiteNear | null>(null);
  const [flight, setFlight] = useState<Flight | null>(null);

  const { radiusKm, includeSuspected } = settings;
  // The map's day: the ranking and the substation's numbers are those of the statuses then.
  const day = asOf === null ? {} : { asOf };
  const query = `${radiusKm}/${includeSuspected}/${asOf ?? 'now'}`;
  const hotspots = useApiQuery(query, (signal) =>
    api.hotspots({ radiusKm, includeSuspected, limit: HOTSPOT_LIMIT, ...day }, signal),
  );
  const substation = useApiQuery(substationId === null ? null : `${substationId}`, (signal) =>
    api.feature('substations', substationId ?? 0, signal),
  );
  const load = useApiQuery(substationId === null ? null : `${substationId}/${query}`, (signal) =>
    api.unlicensedLoad(substationId ?? 0, { ...settings, ...day }, signal),
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
    /** Opens a substation's panel; `fly` also moves the map to show its radius (from a list, not a map click). */
    open: useCallback((id: number, fly: boolean) => {
      setSubstationId(id);
      setPicked(null);
      if (fly) setFlight((f) => ({ kind: 'substation', id, seq: next(f) }));
    }, []),
    close: useCallback(() => {
      setSubstationId(null);
      setPicked(null);
    }, []),
    pick: useCallback((site: SiteNear) => {
      setPicked(site);
      const at = pointOf(site);
      if (at) setFlight((f) => ({ kind: 'site', center: at, seq: next(f) }));
    }, []),
  };
}
