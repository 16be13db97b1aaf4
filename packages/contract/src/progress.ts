import { Type, type Static } from 'typebox';

/** A calendar day; the route also checks that it exists (no 2026-02-30). Days are Beijing-time days. */
export const Day = (description: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: `YYYY-MM-DD, ${description}` });

export const ProgressQuery = Type.Object(
  {
    deadline: Day('the deadline: progress is due by the end of this day (Beijing time)'),
    asOf: Type.Optional(
      Day('the records as they stood at the end of this day (Beijing time); default today'),
    ),
    start: Type.Optional(Day("the campaign's first day; default 1 January of the deadline's year")),
  },
  { additionalProperties: false },
);
export type ProgressQuery = Static<typeof ProgressQuery>;

export const UtilityProgressRow = Type.Object({
  utilityId: Type.Union([Type.Integer(), Type.Null()], { description: 'null for the unassigned sites' }),
  name: Type.String(),
  nameZh: Type.String(),
  found: Type.Integer({ description: 'sites that had an illegal status by asOf' }),
  shutDown: Type.Integer({ description: 'of them, SHUT_DOWN at asOf' }),
  licensedAfter: Type.Integer({ description: 'of them, LICENSED at asOf' }),
  loadRemovedMw: Type.Number({ description: 'load of the shut-down ones, 3 decimals' }),
  loadStillDrawingMw: Type.Number({ description: 'load of those still illegal at asOf, 3 decimals' }),
  shareDone: Type.Number({ description: '(shutDown + licensedAfter) / found, 4 decimals; 1 when found = 0' }),
  onTrack: Type.Boolean({ description: 'shareDone (unrounded) ≥ elapsedShare (unrounded)' }),
});

export const ProgressReport = Type.Object({
  deadline: Type.String(),
  asOf: Type.String(),
  start: Type.String(),
  elapsedShare: Type.Number({
    description:
      "fraction of the campaign's time (start → deadline) gone by at the end of asOf, 0..1, 4 decimals",
  }),
  utilities: Type.Array(UtilityProgressRow),
});
export type ProgressReport = Static<typeof ProgressReport>;

export const ProgressSeriesQuery = Type.Object(
  {
    deadline: Day('the deadline: progress is due by the end of this day (Beijing time)'),
    asOf: Type.Optional(
      Day('the series runs to the earlier of this day and the deadline (Beijing time); default today'),
    ),
    start: Type.Optional(
      Day("the campaign's first day and the series' first date; default 1 January of the deadline's year"),
    ),
    stepDays: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 31,
        default: 7,
        description: 'days between two dates of the series',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ProgressSeriesQuery = Static<typeof ProgressSeriesQuery>;

export const UtilityProgressSeries = Type.Object({
  utilityId: Type.Union([Type.Integer(), Type.Null()], { description: 'null for the unassigned sites' }),
  name: Type.String(),
  nameZh: Type.String(),
  shareDone: Type.Array(Type.Number(), { description: "the report's shareDone at each date, 4 decimals" }),
  loadStillDrawingMw: Type.Array(Type.Number(), {
    description: "the report's loadStillDrawingMw at each date, 3 decimals",
  }),
});

export const ProgressSeries = Type.Object({
  deadline: Type.String(),
  asOf: Type.String(),
  start: Type.String(),
  stepDays: Type.Integer(),
  dates: Type.Array(Type.String(), {
    description:
      'start, every stepDays days, and the earlier of asOf and deadline; empty when that is before start',
  }),
  elapsedShare: Type.Array(Type.Number(), {
    description: "the report's elapsedShare at each date: where a utility on track must be",
  }),
  utilities: Type.Array(UtilityProgressSeries),
});
export type ProgressSeries = Static<typeof ProgressSeries>;
