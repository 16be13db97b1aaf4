import { useEffect, useState, type RefObject } from 'react';
import type { ApiClient, Health, Hotspot, ProgressReport } from '../api';
import type { Locale } from '../i18n';
import type { MapSnapshot } from '../map';
import { useApiQuery, type QueryState } from '../server-state/use-api-query';
import { queryKey } from '../server-state/query-keys';
import { CAMPAIGN } from '@gridwatch/contract';

/** The map's picture, or why there is none. */
export type MapImage = { url: string; error: null } | { url: null; error: string };

export interface ReportData {
  progress: QueryState<ProgressReport>;
  hotspots: QueryState<Hotspot[]>;
  health: QueryState<Health>;
  /** null while it is being taken. */
  image: MapImage | null;
  /** Every answer and the picture are in (or failed, which the report says): the page is ready to print. */
  ready: boolean;
}

interface Inputs {
  api: ApiClient;
  asOf: string;
  hotspots: QueryState<Hotspot[]>;
  snapshot: RefObject<MapSnapshot | null>;
  locale: Locale;
}

/** What the report shows beside the app's own state: the API's answers at the as-of day, and the map's picture. */
export function useReportData({ api, asOf, hotspots, snapshot, locale }: Inputs): ReportData {
  const progress = useApiQuery(queryKey('progress-report', { ...CAMPAIGN, asOf }), (signal) =>
    api.progressReport({ ...CAMPAIGN, asOf }, signal),
  );
  const health = useApiQuery(queryKey('health'), (signal) => api.health(signal));
  const image = useMapImage(snapshot, locale);
  const ready = !progress.loading && !hotspots.loading && !health.loading && image !== null;
  return {
    progress,
    hotspots,
    health,
    image,
    ready,
  };
}

/** Takes the map's picture when the report opens, and again in another language (the labels change with it). */
function useMapImage(snapshot: RefObject<MapSnapshot | null>, locale: Locale): MapImage | null {
  const [taken, setTaken] = useState<{ locale: Locale; image: MapImage } | null>(null);
  useEffect(() => {
    let live = true;
    const take = snapshot.current?.take() ?? Promise.reject(new Error('no map'));
    take.then(
      (url) => live && setTaken({ locale, image: { url, error: null } }),
      (error: unknown) =>
        live &&
        setTaken({
          locale,
          image: { url: null, error: error instanceof Error ? error.message : String(error) },
        }),
    );
    return () => {
      live = false;
    };
  }, [snapshot, locale]);
  return taken?.locale === locale ? taken.image : null;
}
