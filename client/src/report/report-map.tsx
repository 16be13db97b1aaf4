import type { Bbox } from '../api';
import { fill, useI18n } from '../i18n';
import { formatDay } from '../progress/progress-format';
import type { MapImage } from './use-report-data';

interface Props {
  image: MapImage | null;
  view: Bbox | null;
  asOf: string;
}

/** The map as a picture of its canvas: a WebGL canvas itself prints blank or not at all (docs/report.md). */
export function ReportMap({ image, view, asOf }: Props) {
  const { t, locale } = useI18n();
  const r = t.report;
  const degrees = (n: number) =>
    `${new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 }).format(n)}°`;
  return (
    <figure className="report-map" aria-labelledby="report-map-title">
      <h2 id="report-map-title" className="report-section__title">
        {r.map}
      </h2>
      {!image && <p className="panel-note">{t.loading}</p>}
      {image?.url && (
        <img
          className="report-map__image"
          data-testid="report-map-image"
          src={image.url}
          alt={fill(r.mapAlt, { date: formatDay(locale, asOf) })}
        />
      )}
      {image?.error && (
        <p className="panel-note panel-note--error" role="alert">
          {fill(r.mapFailed, { message: image.error })}
        </p>
      )}
      {view && (
        <figcaption className="report-note">
          {fill(r.view, {
            west: degrees(view[0]),
            east: degrees(view[2]),
            south: degrees(view[1]),
            north: degrees(view[3]),
          })}
        </figcaption>
      )}
    </figure>
  );
}
