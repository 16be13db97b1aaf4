import { STATUSES } from '@gridwatch/contract';
import type { ApiClient } from '../api';
import { useI18n } from '../i18n';
import { STATUS_COLORS } from '../map/palette';
import { CheckGroup } from './check-group';
import { LoadFilter } from './load-filter';
import { loadRangeValid, VOLTAGES, type MapFilters } from './map-filters';
import { RegionFilter } from './region-filter';
import type { RegionName } from './use-regions';
import { UtilityFilter } from './utility-filter';

interface Props {
  api: ApiClient;
  filters: MapFilters;
  regions: readonly RegionName[];
  onChange: (filters: MapFilters) => void;
}

/** The planner's filters, shared by the map, the table and the exports. */
export function FilterPanel({ api, filters, regions, onChange }: Props) {
  const { t } = useI18n();
  const set = (change: Partial<MapFilters>) => onChange({ ...filters, ...change });
  return (
    <section className="panel-section filter-panel" aria-labelledby="filters-title" data-testid="filters">
      <h2 id="filters-title" className="panel-section__title">
        {t.filters.title}
      </h2>
      <CheckGroup
        legend={t.filters.status}
        testId="filter-status"
        values={STATUSES}
        chosen={filters.status}
        onChange={(status) => set({ status })}
        label={(s) => (
          <>
            <span className="swatch-dot" style={{ background: STATUS_COLORS[s] }} />
            {t.statuses[s]}
          </>
        )}
      />
      <CheckGroup
        legend={t.filters.voltage}
        testId="filter-voltage"
        values={VOLTAGES}
        chosen={filters.voltageKv}
        onChange={(voltageKv) => set({ voltageKv })}
        label={(kv) => `${kv} ${t.units.kv}`}
      />
      <UtilityFilter api={api} value={filters.utility} onChange={(utility) => set({ utility })} />
      <RegionFilter regions={regions} value={filters.region} onChange={(region) => set({ region })} />
      <LoadFilter
        min={filters.minLoadMw}
        max={filters.maxLoadMw}
        valid={loadRangeValid(filters)}
        onChange={set}
      />
    </section>
  );
}
