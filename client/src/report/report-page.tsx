import { useRef, useState, type RefObject } from 'react';
import type { ApiClient, Bbox, Hotspot, UnlicensedLoadQuery } from '../api';
import type { MapFilters } from '../filters/map-filters';
import type { RegionName } from '../filters/use-regions';
import { localName, useI18n } from '../i18n';
import type { MapSnapshot } from '../map';
import type { QueryState } from '../server-state/use-api-query';
import { ReportCredits } from './report-credits';
import { ReportFilters } from './report-filters';
import { ReportHeader } from './report-header';
import { ReportHotspots } from './report-hotspots';
import { ReportLegend } from './report-legend';
import { ReportMap } from './report-map';
import { ReportProgress } from './report-progress';
import { ReportUnexplained } from './report-unexplained';
import { useOverlayFocus } from './use-overlay-focus';
import { useReportData } from './use-report-data';
import './report.css';

interface Props {
  api: ApiClient;
  /** The day the records are read as of (YYYY-MM-DD): the map's as-of day, or today. */
  asOf: string;
  filters: MapFilters;
  view: Bbox | null;
  hotspots: QueryState<Hotspot[]>;
  hotspotSettings: UnlicensedLoadQuery;
  snapshot: RefObject<MapSnapshot | null>;
  /** The online basemap's credit when it is drawn in the picture. */
  onlineCredit: string | null;
  /** The regions' names, for the region filter in words. */
  regions: readonly RegionName[];
  onClose: () => void;
}

/**
 * The printable report of the current view and day: a page over the app on screen, and the only thing printed
 * (report.css). `data-ready` says when the picture and every answer are in, for a person's print and a test's PDF.
 */
export function ReportPage({
  api,
  asOf,
  filters,
  view,
  hotspots,
  hotspotSettings,
  snapshot,
  onlineCredit,
  regions,
  onClose,
}: Props) {
  const { t, locale } = useI18n();
  const r = t.report;
  const page = useRef<HTMLDivElement>(null);
  const [madeAt] = useState(() => Date.now());
  useOverlayFocus(page, onClose);
  const data = useReportData({ api, asOf, hotspots, snapshot, locale });
  const region = regions.find((r) => r.id === filters.region);
  const utility = data.progress.data?.utilities.find((u) => u.utilityId === filters.utility);
  const names = {
    utility: utility ? localName(utility, locale) : null,
    region: region ? localName(region, locale) : null,
  };
  return (
    <div
      ref={page}
      className="report-page"
      role="dialog"
      aria-modal="true"
      aria-labelledby="report-title"
      aria-busy={!data.ready}
      tabIndex={-1}
      data-testid="report-page"
      data-ready={data.ready}
    >
      <div className="report-page__toolbar">
        {!data.ready && <span className="panel-note">{r.preparing}</span>}
        <button
          type="button"
          className="button button--primary"
          data-testid="report-print"
          onClick={() => window.print()}
        >
          {r.print}
        </button>
        <button type="button" className="button" data-testid="report-close" onClick={onClose}>
          {r.close}
        </button>
      </div>
      <article className="report-page__sheet">
        <ReportHeader asOf={asOf} madeAt={madeAt} />
        <ReportFilters filters={filters} names={names} />
        <ReportMap image={data.image} view={view} asOf={asOf} />
        <ReportLegend />
        <ReportProgress progress={data.progress} asOf={asOf} />
        <ReportHotspots hotspots={hotspots} settings={hotspotSettings} />
        <ReportUnexplained api={api} asOf={asOf} />
        <ReportCredits health={data.health.data} onlineCredit={onlineCredit} />
      </article>
    </div>
  );
}
