import { Type, type Static } from 'typebox';
import { MAX_RADIUS_KM } from './queries';
import { Day } from './progress';

/** The longest range one readings request covers: a year of hours, ten of days. */
export const MAX_READING_DAYS = { hour: 366, day: 3660 } as const;

export const ReadingsQuery = Type.Object(
  {
    from: Type.Optional(Day('first Beijing day; default 29 days before `to`')),
    to: Type.Optional(Day('last Beijing day, included; default today')),
    resolution: Type.Union([Type.Literal('hour'), Type.Literal('day')], { default: 'day' }),
  },
  { additionalProperties: false },
);
export type ReadingsQuery = Static<typeof ReadingsQuery>;

const Mw = (description: string) => Type.Number({ description: `MW, ${description}` });

export const Readings = Type.Object({
  substationId: Type.Integer(),
  from: Type.String(),
  to: Type.String(),
  resolution: Type.Union([Type.Literal('hour'), Type.Literal('day')]),
  baseLoadMw: Type.Union([Type.Number(), Type.Null()], { description: 'the reported ordinary load' }),
  /** hour: one point per reading; day: one per day read (mean and peak). */
  points: Type.Array(
    Type.Object({
      at: Type.String({ description: 'hour: ISO 8601 UTC of the hour; day: the Beijing day' }),
      mw: Mw('the reading (hour) or the mean of the day (day)'),
      peakMw: Mw("the day's peak (the reading itself for an hour)"),
    }),
  ),
  /** The load the sites explain, one row per Beijing day of the range (docs/detection.md). */
  explained: Type.Array(
    Type.Object({
      day: Type.String(),
      licensedMw: Mw('licensed sites'),
      knownIllegalMw: Mw('known illegal sites'),
    }),
  ),
});
export type Readings = Static<typeof Readings>;

export const SignaturesQuery = Type.Object(
  {
    asOf: Type.Optional(
      Day('rank by the unexplained load of this day and the year of readings up to it; default today'),
    ),
    radiusKm: Type.Number({
      exclusiveMinimum: 0,
      maximum: MAX_RADIUS_KM,
      default: 10,
      description: 'kilometres',
    }),
    minStepMw: Type.Number({
      minimum: 0.1,
      maximum: 10_000,
      default: 5,
      description: 'smallest step that counts',
    }),
  },
  { additionalProperties: false },
);
export type SignaturesQuery = Static<typeof SignaturesQuery>;

export const SignatureRow = Type.Object({
  substationId: Type.Integer(),
  name: Type.String(),
  nameZh: Type.String(),
  rank: Type.Integer({ minimum: 1 }),
  signature: Type.Union([Type.Literal('flat-step'), Type.Literal('step'), Type.Literal('none')]),
  unexplainedMw: Type.Number(),
  step: Type.Union([Type.Object({ date: Type.String(), sizeMw: Type.Number() }), Type.Null()]),
  shape: Type.Union([Type.Object({ nightDayRatio: Type.Number(), loadFactor: Type.Number() }), Type.Null()]),
  reason: Type.String({ description: 'why it is ranked here, for a planner' }),
});
export type SignatureRow = Static<typeof SignatureRow>;
export const SignatureList = Type.Object({ asOf: Type.String(), substations: Type.Array(SignatureRow) });
export type SignatureList = Static<typeof SignatureList>;

export const ReadingsImportQuery = Type.Object(
  {
    dryRun: Type.Boolean({ default: false, description: 'check and count, write nothing' }),
    encoding: Type.Enum(['utf8', 'gb18030'], { default: 'utf8' }),
  },
  { additionalProperties: false },
);
export type ReadingsImportQuery = Static<typeof ReadingsImportQuery>;

export const ReadingsImportResult = Type.Object({
  readings: Type.Integer({ minimum: 0, description: 'rows written (or, in a dry run, that would be)' }),
  substations: Type.Integer({ minimum: 0 }),
  from: Type.Union([Type.String(), Type.Null()], { description: 'the first hour, ISO 8601 UTC' }),
  to: Type.Union([Type.String(), Type.Null()], { description: 'the last hour, ISO 8601 UTC' }),
  dryRun: Type.Boolean(),
});
export type ReadingsImportResult = Static<typeof ReadingsImportResult>;
