import { useState } from 'react';
import type { ApiClient, ApiFeature } from '../api';
import { fill, localName, useI18n } from '../i18n';
import { STATUS_COLORS } from '../map/palette';
import { formatNumber } from '../panels/format';
import { useSelect } from '../selection/use-selection';
import { boxAround, nearest, type WithDistance } from './near-me';
import { readPosition, setMyPosition } from './my-position';

/** How far around the position the server is asked, and how many rows are listed. */
const SEARCH_RADIUS_KM = 60;
const LIST_LENGTH = 10;

type SiteRow = WithDistance<{
  id: number;
  lon: number;
  lat: number;
  site: ApiFeature<'sites'>;
}>;

/** Where the sites come from: the server online, the saved areas offline (offline/saved-sites.ts). */
export type SitesAround = (box: [number, number, number, number]) => Promise<ApiFeature<'sites'>[]>;

export const serverSitesAround =
  (api: ApiClient): SitesAround =>
  async (box) =>
    (await api.layer('sites', { bbox: box, limit: 5000 })).features;

/**
 * "Near me": the device's position (Geolocation API) on the map and the nearest sites, nearest first, by
 * great-circle distance. Online the server answers for a box around the position; offline the saved areas do.
 */
export function NearMeSection({ sitesAround }: { sitesAround: SitesAround }) {
  const { t, locale } = useI18n();
  const select = useSelect();
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'busy' }
    | { kind: 'error'; message: string }
    | { kind: 'done'; rows: SiteRow[] }
  >({ kind: 'idle' });

  const locate = async () => {
    setState({ kind: 'busy' });
    try {
      const position = await readPosition();
      setMyPosition(position);
      const sites = await sitesAround(boxAround(position.at, SEARCH_RADIUS_KM));
      const placed = sites.flatMap((site) => {
        if (site.geometry.type !== 'Point') return [];
        const [lon, lat] = site.geometry.coordinates as [number, number];
        return [{ id: site.id, lon, lat, site }];
      });
      setState({ kind: 'done', rows: nearest(position.at, placed, LIST_LENGTH) });
    } catch (error) {
      setState({ kind: 'error', message: (error as Error).message });
    }
  };

  return (
    <section className="panel-section" data-testid="near-me" aria-labelledby="near-me-title">
      <h2 id="near-me-title" className="panel-section__title">
        {t.offline.nearMe}
      </h2>
      <button
        type="button"
        className="button"
        data-testid="near-me-locate"
        disabled={state.kind === 'busy'}
        onClick={() => void locate()}
      >
        {state.kind === 'busy' ? t.offline.locating : t.offline.locate}
      </button>
      {state.kind === 'error' && (
        <p className="panel-note panel-note--error" role="alert">
          {fill(t.offline.positionFailed, { message: state.message })}
        </p>
      )}
      {state.kind === 'done' && state.rows.length === 0 && (
        <p className="panel-note">{fill(t.offline.noneNear, { km: SEARCH_RADIUS_KM })}</p>
      )}
      {state.kind === 'done' && state.rows.length > 0 && (
        <ol className="site-list" data-testid="near-me-list">
          {state.rows.map((row) => {
            const p = row.site.properties;
            return (
              <li key={row.id}>
                <button
                  type="button"
                  className="site-list__row"
                  data-site-id={row.id}
                  onClick={() => select.choose({ layer: 'sites', id: row.id, at: [row.lon, row.lat] })}
                >
                  <span className="swatch-dot" style={{ background: STATUS_COLORS[p.status] }} />
                  <span className="site-list__name" title={t.statuses[p.status]}>
                    {localName(p, locale)}
                  </span>
                  <span className="site-list__load">{formatNumber(locale, p.loadMw, t.units.mw)}</span>
                  <span className="site-list__distance">
                    {formatNumber(locale, row.distanceKm, t.units.km)}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
