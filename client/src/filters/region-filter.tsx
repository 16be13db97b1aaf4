import type { ApiClient } from '../api';
import { localName, useI18n } from '../i18n';
import { useApiQuery } from '../panels/use-api-query';

interface Props {
  api: ApiClient;
  value: number | null;
  onChange: (region: number | null) => void;
}

/** Narrows the points (sites, substations, pylons) to those a region holds: the province, then its prefectures. */
export function RegionFilter({ api, value, onChange }: Props) {
  const { t, locale } = useI18n();
  const { data } = useApiQuery('regions', (signal) => api.layer('regions', {}, signal));
  const regions = (data?.features ?? [])
    .map((f) => ({ id: Number(f.id), level: f.properties.level, name: localName(f.properties, locale) }))
    .sort((a, b) => Number(a.level !== 'province') - Number(b.level !== 'province') || a.id - b.id);
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
            {r.name}
          </option>
        ))}
      </select>
    </label>
  );
}
