import type { ApiClient } from '../api';
import { localName, useI18n } from '../i18n';
import { useApiQuery } from '../server-state/use-api-query';
import { queryKey } from '../server-state/query-keys';

/** The progress report lists every utility; its deadline only shapes the numbers, which are not used here. */
const DEADLINE = '2026-08-31';

interface Props {
  api: ApiClient;
  value: number | null;
  onChange: (utility: number | null) => void;
}

/** Narrows sites and substations to one utility's. */
export function UtilityFilter({ api, value, onChange }: Props) {
  const { t, locale } = useI18n();
  const { data } = useApiQuery(queryKey('progress', DEADLINE), (signal) => api.progress(DEADLINE, signal));
  const utilities = (data?.utilities ?? []).flatMap((u) =>
    u.utilityId === null ? [] : [{ id: u.utilityId, name: localName(u, locale) }],
  );
  return (
    <label className="filter-field">
      {t.filters.utility}
      <select
        data-testid="filter-utility"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}
      >
        <option value="">{t.filters.allUtilities}</option>
        {utilities.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
    </label>
  );
}
