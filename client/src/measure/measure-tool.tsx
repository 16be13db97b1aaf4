import type { LineString, Polygon } from 'geojson';
import { useI18n } from '../i18n';
import type { MeasureKind, MeasureRequest } from '../map';
import { measureShape } from './measure-shape';

const KINDS: readonly MeasureKind[] = ['line', 'area'];

interface Props {
  request: MeasureRequest | null;
  onRequest: (kind: MeasureKind | null) => void;
  shape: LineString | Polygon | null;
}

/** Distance and area on the map, on the sphere: a line's length, or a polygon's area and perimeter. */
export function MeasureTool({ request, onRequest, shape }: Props) {
  const { t, locale } = useI18n();
  const result = measureShape(shape, locale);
  return (
    <section className="panel-section" data-testid="measure-tool" aria-labelledby="measure-title">
      <h2 id="measure-title" className="panel-section__title">
        {t.measure.title}
      </h2>
      <div className="measure-tool__buttons" role="group" aria-label={t.measure.title}>
        {KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className="button"
            data-testid={`measure-${kind}`}
            aria-pressed={request?.kind === kind}
            onClick={() => onRequest(request?.kind === kind ? null : kind)}
          >
            {t.measure[kind]}
          </button>
        ))}
      </div>
      {request && <p className="panel-note">{t.measure.hint}</p>}
      <output className="measure-tool__result" data-testid="measure-result" aria-live="polite">
        {request && result}
      </output>
    </section>
  );
}
