import { useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { ProgressSeries } from '../api';
import { fill, localName, useI18n } from '../i18n';
import { dayMs, linePath, linearScale, monthTicks, nearestIndex } from './chart-scale';
import { formatDay, formatMonth, formatShare } from './progress-format';
import { rowKey } from './progress-table';

interface Props {
  series: ProgressSeries;
  highlighted: string | null;
  onHighlight: (key: string) => void;
}

// The drawing's own units (the SVG scales to the panel's width).
const W = 640;
const H = 230;
const M = { left: 48, right: 20, top: 14, bottom: 40 };
const Y_TICKS = [0, 0.25, 0.5, 0.75, 1];

/**
 * Share done over time, one line per utility from the series the API computed (plain SVG: a few paths and
 * ticks need no chart library). The chosen utility is drawn dark over the others, with the on-track pace (the
 * share of the campaign's time gone by) dashed and the deadline marked. The chart is a slider over the dates:
 * pointer or arrow keys move a cursor whose value is shown and announced.
 */
export function ProgressChart({ series, highlighted, onHighlight }: Props) {
  const { t, locale } = useI18n();
  const p = t.progress;
  const [cursor, setCursor] = useState<number | null>(null);
  const { dates } = series;
  const lines = series.utilities;
  const chosen = lines.find((l) => rowKey(l) === highlighted) ?? lines[0];
  if (dates.length === 0 || !chosen) {
    return <p className="panel-note">{fill(p.noDates, { start: formatDay(locale, series.start) })}</p>;
  }
  const x = linearScale([dayMs(series.start), dayMs(series.deadline)], [M.left, W - M.right]);
  const y = linearScale([0, 1], [H - M.bottom, M.top]);
  const xs = dates.map((d) => x(dayMs(d)));
  const path = (values: readonly number[]) => linePath(values.map((v, i) => [xs[i] ?? 0, y(v)]));
  const at = cursor === null ? dates.length - 1 : Math.min(cursor, dates.length - 1);
  const share = chosen.shareDone[at] ?? 0;
  const pace = series.elapsedShare[at] ?? 0;
  const valueText = fill(p.point, {
    name: localName(chosen, locale),
    date: formatDay(locale, dates[at] ?? ''),
    share: formatShare(locale, share),
    pace: formatShare(locale, pace),
  });

  const onPointer = (event: PointerEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const px = ((event.clientX - box.left) / box.width) * W;
    setCursor(nearestIndex(xs, px));
  };
  const onKey = (event: KeyboardEvent<SVGSVGElement>) => {
    const moves: Record<string, number> = {
      ArrowLeft: at - 1,
      ArrowDown: at - 1,
      ArrowRight: at + 1,
      ArrowUp: at + 1,
      Home: 0,
      End: dates.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setCursor(Math.max(0, Math.min(dates.length - 1, next)));
  };
  const deadlineX = x(dayMs(series.deadline));
  const cx = xs[at] ?? 0;

  return (
    <figure className="progress-chart" data-testid="progress-chart">
      <figcaption className="progress-chart__caption">
        <span className="panel-section__title">{p.chartTitle}</span>
        <label className="progress-chart__choice">
          {p.chartLine}{' '}
          <select
            data-testid="progress-chart-line"
            value={rowKey(chosen)}
            onChange={(e) => onHighlight(e.target.value)}
          >
            {lines.map((l) => (
              <option key={rowKey(l)} value={rowKey(l)}>
                {localName(l, locale)}
              </option>
            ))}
          </select>
        </label>
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="progress-chart__svg"
        role="slider"
        tabIndex={0}
        aria-label={`${p.chartTitle}: ${localName(chosen, locale)}`}
        aria-valuemin={0}
        aria-valuemax={dates.length - 1}
        aria-valuenow={at}
        aria-valuetext={valueText}
        data-testid="progress-chart-svg"
        onPointerMove={onPointer}
        onKeyDown={onKey}
      >
        {Y_TICKS.map((v) => (
          <g key={v}>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} className="progress-chart__grid" />
            <text x={M.left - 6} y={y(v) + 4} textAnchor="end" className="progress-chart__tick">
              {formatShare(locale, v)}
            </text>
          </g>
        ))}
        {monthTicks(series.start, series.deadline).map((d) => (
          <text
            key={d}
            x={x(dayMs(d))}
            y={H - M.bottom + 15}
            textAnchor="middle"
            className="progress-chart__tick"
          >
            {formatMonth(locale, d)}
          </text>
        ))}
        <text x={(M.left + W - M.right) / 2} y={H - 4} textAnchor="middle" className="progress-chart__axis">
          {p.axisDate}
        </text>
        <text
          transform={`translate(12 ${(M.top + H - M.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
          className="progress-chart__axis"
        >
          {p.axisShare}
        </text>
        <line
          x1={deadlineX}
          x2={deadlineX}
          y1={M.top}
          y2={H - M.bottom}
          className="progress-chart__deadline"
          data-testid="progress-chart-deadline"
        />
        <text
          x={deadlineX - 4}
          y={M.top + 10}
          textAnchor="end"
          className="progress-chart__deadline-label"
          data-testid="progress-chart-deadline-label"
        >
          {p.deadline} {formatDay(locale, series.deadline, 'short')}
        </text>
        {lines
          .filter((l) => l !== chosen)
          .map((l) => (
            <path key={rowKey(l)} d={path(l.shareDone)} className="progress-chart__line" />
          ))}
        <path
          d={path(series.elapsedShare)}
          className="progress-chart__pace"
          data-testid="progress-chart-pace"
        />
        <path
          d={path(chosen.shareDone)}
          className="progress-chart__line progress-chart__line--chosen"
          data-testid="progress-chart-chosen"
        />
        <line x1={cx} x2={cx} y1={M.top} y2={H - M.bottom} className="progress-chart__cursor" />
        <circle cx={cx} cy={y(pace)} r="3" className="progress-chart__pace-dot" />
        <circle cx={cx} cy={y(share)} r="4.5" className="progress-chart__dot" />
      </svg>
      <p className="progress-chart__value" aria-live="polite" data-testid="progress-chart-value">
        {valueText}
      </p>
      <p className="progress-chart__legend">
        <span className="progress-chart__key progress-chart__key--chosen" aria-hidden="true" />
        {localName(chosen, locale)}
        <span className="progress-chart__key progress-chart__key--pace" aria-hidden="true" />
        {p.pace}
        <span className="progress-chart__key progress-chart__key--deadline" aria-hidden="true" />
        {p.deadline}
      </p>
      <p className="panel-note">{p.chartKeys}</p>
    </figure>
  );
}
