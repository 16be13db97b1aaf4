import { localName, useI18n } from '../i18n';
import type { RegionName } from './use-regions';

interface Props {
  regions: readonly RegionName[];
  value: number | null;
  onChange: (region: number | null) => void;
}

/** Narrows the points (sites, substations, pylons) to those a region holds: the province, then its prefectures. */
export function RegionFilter({ regions, value, onChange }: Props) {
  const { t, locale } = useI18n();
  return (
    <label className="filter-field">
      {t.filters.region}
      <select
        data-testid="filter-region"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}
      >
        <option value="">{t.filters.allRegions}</option>
        {regions.map((r) => (
          <option key={r.id} value={r.id}>
            {localName(r, locale)}
          </option>
        ))}
      </select>
    </label>
  );
}
