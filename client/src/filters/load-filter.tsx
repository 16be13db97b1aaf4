import { useI18n } from '../i18n';

interface Props {
  min: number | null;
  max: number | null;
  valid: boolean;
  onChange: (range: { minLoadMw: number | null; maxLoadMw: number | null }) => void;
}

/** Blank is no bound; anything not a number of zero or more is taken as blank. */
function bound(text: string): number | null {
  const value = Number(text);
  return text.trim() === '' || !Number.isFinite(value) || value < 0 ? null : value;
}

/** The range of a site's load, in MW, both ends optional. */
export function LoadFilter({ min, max, valid, onChange }: Props) {
  const { t } = useI18n();
  return (
    <fieldset className="check-group load-filter">
      <legend>{t.filters.load}</legend>
      <input
        type="number"
        min={0}
        step="any"
        data-testid="filter-min-load"
        aria-label={t.filters.minLoad}
        aria-invalid={!valid}
        value={min ?? ''}
        onChange={(event) => onChange({ minLoadMw: bound(event.target.value), maxLoadMw: max })}
      />
      <span aria-hidden="true">–</span>
      <input
        type="number"
        min={0}
        step="any"
        data-testid="filter-max-load"
        aria-label={t.filters.maxLoad}
        aria-invalid={!valid}
        value={max ?? ''}
        onChange={(event) => onChange({ minLoadMw: min, maxLoadMw: bound(event.target.value) })}
      />
      {!valid && (
        <p className="panel-note panel-note--error" role="alert">
          {t.filters.rangeInvalid}
        </p>
      )}
    </fieldset>
  );
}
