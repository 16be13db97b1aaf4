import { useId, useState } from 'react';
import type { ApiClient, ReadingsRange } from '../api';
import { fill, useI18n } from '../i18n';
import { queryKey } from '../server-state/query-keys';
import { useApiQuery } from '../server-state/use-api-query';
import { addDays } from '../time/as-of-days';
import { formatNumber } from './format';
import {
  bandPath,
  chartPoints,
  dayPosition,
  explainedOf,
  linePath,
  pointOfDay,
  unexplainedOf,
  xTicks,
  yTicks,
  type ChartPoint,
} from './readings-chart-model';
import './readings-chart.css';

interface Props {
  api: ApiClient;
  substationId: number;
  name: string;
  /** The map's as-of day (null: today): the cursor, and the day the step is detected as of. */
  asOf: string | null;
  /** Today in Beijing: the last day there can be readings of. */
  today: string;
}

type Span = 'year' | 'days';

/** The days a span reads: a year up to today at a day's resolution; around the as-of day hour by hour. */
export function rangeOf(span: Span, day: string, today: string): ReadingsRange {
  if (span === 'days') {
    const to = addDays(day, 3) > today ? today : addDays(day, 3);
    return { from: addDays(day, -10), to, resolution: 'hour' };
  }
  const yearAgo = addDays(today, -364);
  const from = addDays(day, -14) < yearAgo ? addDays(day, -14) : yearAgo;
  return { from, to: today, resolution: 'day' };
}

// The drawing's own units: about the panel's width in CSS pixels, so the labels keep their size.
const W = 306;
const H = 170;
const M = { left: 34, right: 6, top: 14, bottom: 18 };

/**
 * A substation's metered load over time (docs/detection.md, "The chart"): the day's peak as a line, the
 * explained part stacked under it (base load, licensed, known illegal, by status that day), the unexplained
 * part shaded, the detected step and the map's as-of day marked. Plain SVG: a title and description say what
 * it shows, and the figures are in a table for screen readers.
 */
export function ReadingsChart({ api, substationId, name, asOf, today }: Props) {
  const { t, locale } = useI18n();
  const c = t.readingsChart;
  const [span, setSpan] = useState<Span>('year');
  const day = asOf ?? today;
  const range = rangeOf(span, day, today);
  const readings = useApiQuery(queryKey('readings', substationId, range), (signal) =>
    api.readings(substationId, range, signal),
  );
  // The same answer as the signature list's: the step detected as of the map's day.
  const signatures = useApiQuery(queryKey('signatures', asOf), (signal) => api.signatures(asOf, signal));
  const ids = useId();
  const answer = readings.data?.substationId === substationId ? readings.data : null;
  const row = signatures.data?.substations.find((r) => r.substationId === substationId) ?? null;
  const mw = (n: number | null) => formatNumber(locale, n, t.units.mw) ?? '–';

  const points = answer ? chartPoints(answer) : [];
  const read = points.some((p) => p.meteredMw !== null);
  const max = Math.max(0, ...points.map((p) => Math.max(p.meteredMw ?? 0, explainedOf(p))));
  const { top, ticks } = yTicks(max * 1.05);
  const x = (u: number) => M.left + u * (W - M.left - M.right);
  const y = (v: number) => H - M.bottom - (Math.max(0, v) / top) * (H - M.top - M.bottom);
  const cursorT = answer ? dayPosition(answer, day) : null;
  const step = row?.step ?? null;
  const stepT = answer && step ? dayPosition(answer, step.date) : null;
  const today_ = pointOfDay(points, day);
  const summary =
    answer &&
    fill(c.summary, {
      name,
      from: answer.from,
      to: answer.to,
      day,
      metered: mw(today_?.meteredMw ?? null),
      explained: mw(today_ ? explainedOf(today_) : null),
      unexplained: mw(today_ ? unexplainedOf(today_) : null),
    }) + (step ? ` ${fill(c.stepSummary, { size: mw(step.sizeMw), date: step.date })}` : '');

  const band = (topOf: (p: ChartPoint) => number, bottomOf: (p: ChartPoint) => number) =>
    bandPath(points, topOf, bottomOf, x, y);
  const stacked = {
    base: band(
      (p) => p.baseMw,
      () => 0,
    ),
    licensed: band(
      (p) => p.baseMw + p.licensedMw,
      (p) => p.baseMw,
    ),
    illegal: band(explainedOf, (p) => p.baseMw + p.licensedMw),
  };
  const unexplainedBand = bandPath(
    points,
    (p) => (p.meteredMw === null ? null : Math.max(p.meteredMw, explainedOf(p))),
    explainedOf,
    x,
    y,
  );

  return (
    <figure className="readings-chart" data-testid="readings-chart" aria-busy={readings.loading}>
      <figcaption className="readings-chart__head">
        <span className="readings-chart__title">{c.title}</span>
        <span className="readings-chart__spans" role="group" aria-label={c.span}>
          {(['year', 'days'] as const).map((s) => (
            <button
              key={s}
              type="button"
              className="readings-chart__span"
              data-testid={`readings-span-${s}`}
              aria-pressed={span === s}
              onClick={() => setSpan(s)}
            >
              {c.spans[s]}
            </button>
          ))}
        </span>
      </figcaption>
      {readings.error && (
        <p className="panel-note panel-note--error" role="alert">
          {fill(t.loadFailed, { what: c.title, message: readings.error.message })}
        </p>
      )}
      {!answer && !readings.error && <p className="panel-note">{t.loading}</p>}
      {answer && !read && <p className="panel-note">{c.none}</p>}
      {answer && read && (
        <>
          <svg
            className="readings-chart__svg"
            viewBox={`0 0 ${W} ${H}`}
            role="img"
            aria-labelledby={`${ids}-title`}
            data-resolution={answer.resolution}
          >
            <title id={`${ids}-title`}>{summary}</title>
            {ticks.map((v) => (
              <g key={v} className="readings-chart__grid">
                <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} />
                <text x={M.left - 4} y={y(v) + 3} textAnchor="end">
                  {formatNumber(locale, v)}
                </text>
              </g>
            ))}
            <text className="readings-chart__unit" x={2} y={9}>
              {t.units.mw}
            </text>
            {xTicks(answer).map((tick) => (
              <text
                key={tick.day}
                className="readings-chart__tick"
                x={x(tick.t)}
                y={H - 5}
                textAnchor="middle"
              >
                {answer.resolution === 'day' && tick.day.endsWith('-01')
                  ? monthLabel(tick.day, locale)
                  : tick.day.slice(5)}
              </text>
            ))}
            <path className="readings-chart__base" d={stacked.base} />
            <path className="readings-chart__licensed" d={stacked.licensed} />
            <path className="readings-chart__illegal" d={stacked.illegal} />
            <path className="readings-chart__unexplained" d={unexplainedBand} />
            <path className="readings-chart__metered" d={linePath(points, (p) => p.meteredMw, x, y)} />
            {stepT !== null && step && (
              <g className="readings-chart__step" data-testid="readings-step" data-day={step.date}>
                <line x1={x(stepT)} x2={x(stepT)} y1={M.top} y2={H - M.bottom} />
                <text
                  x={x(stepT) + (stepT > 0.7 ? -3 : 3)}
                  y={M.top + 8}
                  textAnchor={stepT > 0.7 ? 'end' : 'start'}
                >
                  {fill(c.stepLabel, { size: mw(step.sizeMw) })}
                </text>
              </g>
            )}
            {cursorT !== null && (
              <g className="readings-chart__cursor" data-testid="readings-cursor" data-day={day}>
                <line x1={x(cursorT)} x2={x(cursorT)} y1={M.top - 6} y2={H - M.bottom} />
                <text
                  x={x(cursorT) + (cursorT > 0.7 ? -3 : 3)}
                  y={M.top - 6}
                  textAnchor={cursorT > 0.7 ? 'end' : 'start'}
                >
                  {day}
                </text>
              </g>
            )}
          </svg>
          <ul className="readings-chart__legend">
            {(['metered', 'unexplained', 'illegal', 'licensed', 'base'] as const).map((k) => (
              <li key={k}>
                <span className={`readings-chart__swatch readings-chart__swatch--${k}`} aria-hidden="true" />
                {c.parts[k]}
              </li>
            ))}
          </ul>
          <p className="readings-chart__figures">{summary}</p>
          <FiguresTable points={points} caption={fill(c.tableCaption, { name })} />
        </>
      )}
    </figure>
  );
}

function monthLabel(day: string, locale: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(locale === 'zh' ? 'zh-CN' : 'en-US', {
    month: 'short',
    timeZone: 'UTC',
  });
}

/** The chart's figures for screen readers: each day (the day's peak hour at hour resolution). */
function FiguresTable({ points, caption }: { points: readonly ChartPoint[]; caption: string }) {
  const { t, locale } = useI18n();
  const c = t.readingsChart;
  const days = [...new Set(points.map((p) => p.day))]
    .map((day) => pointOfDay(points, day))
    .filter((p): p is ChartPoint => p !== null);
  const n = (v: number | null) => formatNumber(locale, v) ?? '–';
  return (
    <table className="readings-chart__hidden">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{c.day}</th>
          <th scope="col">{c.parts.metered}</th>
          <th scope="col">{c.parts.base}</th>
          <th scope="col">{c.parts.licensed}</th>
          <th scope="col">{c.parts.illegal}</th>
          <th scope="col">{c.parts.unexplained}</th>
        </tr>
      </thead>
      <tbody>
        {days.map((p) => (
          <tr key={p.day}>
            <th scope="row">{p.day}</th>
            <td>{n(p.meteredMw)}</td>
            <td>{n(p.baseMw)}</td>
            <td>{n(p.licensedMw)}</td>
            <td>{n(p.illegalMw)}</td>
            <td>{n(unexplainedOf(p))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
