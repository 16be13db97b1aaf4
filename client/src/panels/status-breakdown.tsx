import type { StatusTotals } from '../api';
import { STATUSES } from '@gridwatch/contract';
import { useI18n } from '../i18n';
import { STATUS_COLORS } from '../map/palette';
import { formatNumber } from './format';

interface Props {
  byStatus: Readonly<Record<string, StatusTotals>>;
  totalLoadMw: number;
}

/** The API's counts and loads per status, in the legend's order and colours, over a bar of the load shares. */
export function StatusBreakdown({ byStatus, totalLoadMw }: Props) {
  const { t, locale } = useI18n();
  const rows = STATUSES.flatMap((status) => {
    const totals = byStatus[status];
    return totals ? [{ status, ...totals }] : [];
  });
  if (rows.length === 0) return null;
  return (
    <>
      <div className="status-bar" aria-hidden="true">
        {totalLoadMw > 0 &&
          rows.map(({ status, loadMw }) => (
            <span
              key={status}
              style={{ width: `${(100 * loadMw) / totalLoadMw}%`, background: STATUS_COLORS[status] }}
            />
          ))}
      </div>
      <ul className="status-breakdown">
        {rows.map(({ status, count, loadMw }) => (
          <li key={status} data-status={status} data-count={count} data-load-mw={loadMw}>
            <span className="swatch-dot" style={{ background: STATUS_COLORS[status] }} />
            <span className="status-breakdown__name">{t.statuses[status]}</span>
            <span className="status-breakdown__count">{formatNumber(locale, count)}</span>
            <span className="status-breakdown__load">{formatNumber(locale, loadMw, t.units.mw)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
