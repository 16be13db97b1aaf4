import { useI18n } from '../i18n';
import { EXPORT_FORMATS, exportUrl, type ExportScope } from './export-url';

interface Props {
  scope: ExportScope;
  /** Test ids are `<prefix>-<format>`: `-geojson`, `-csv`, `-gpkg`, `-fgb`. */
  testIdPrefix: string;
}

/** Plain download links: the browser fetches the file and the server streams it, however large. */
export function ExportLinks({ scope, testIdPrefix }: Props) {
  const { t } = useI18n();
  return (
    <div className="export-links">
      {EXPORT_FORMATS.map((format) => (
        <a
          key={format}
          className="button"
          data-testid={`${testIdPrefix}-${format}`}
          href={exportUrl(format, scope)}
          download
        >
          {t.exports[format]}
        </a>
      ))}
    </div>
  );
}
