import { Type, type Static } from 'typebox';
import { StatusSchema } from './layers';

/**
 * The utilities' periodic reports (issue 12, docs/reports.md): the schedule, the periods, a report's frozen
 * content, the discrepancies between a report and the records, and the regulator's overview. The rules that
 * produce these values are in server/src/domain/reports/; only the shapes both tiers read live here. Codes are
 * language-neutral: the client words them in zh or en.
 */

const DayText = (description: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: `YYYY-MM-DD (Beijing day), ${description}` });
const Instant = (description: string) =>
  Type.String({ description: `ISO 8601 instant in UTC with milliseconds, ${description}` });

/** The most grace days an admin may give after a month's end. */
export const MAX_GRACE_DAYS = 31;
/** The longest campaign a schedule may describe, in monthly periods (a typo like 2062 must not make 400). */
export const MAX_MONTHLY_PERIODS = 24;
/** The name of the report that covers the whole campaign, due at its deadline. */
export const FINAL_PERIOD = 'final';

export const ReportSchedule = Type.Object(
  {
    start: DayText("the campaign's first day"),
    deadline: DayText("the campaign's last day; the final report is due at its end"),
    graceDays: Type.Integer({
      minimum: 0,
      maximum: MAX_GRACE_DAYS,
      description:
        "a monthly report is due at the end of the graceDays-th Beijing day after its period's last day",
    }),
  },
  { additionalProperties: false },
);
export type ReportSchedule = Static<typeof ReportSchedule>;

export const ReportingPeriod = Type.Object({
  period: Type.String({ description: "YYYY-MM, or 'final'" }),
  from: DayText('first day covered'),
  to: DayText('last day covered'),
  opensAt: Instant('from when the report may be submitted'),
  dueAt: Instant('the report is on time when submitted at or before this instant'),
});
export type ReportingPeriod = Static<typeof ReportingPeriod>;

/** Where a site found illegal stands (docs/progress.md, "Counting"). */
export const SiteStanding = Type.Enum(['SHUT_DOWN', 'LICENSED_AFTER', 'STILL_DRAWING', 'NEITHER'], {
  description: 'NEITHER: found, then SUSPECTED or NOT_FOUND again: neither done nor drawing',
});
export type SiteStanding = Static<typeof SiteStanding>;

export const ReportFigures = Type.Object({
  found: Type.Integer({ minimum: 0 }),
  shutDown: Type.Integer({ minimum: 0 }),
  licensedAfter: Type.Integer({ minimum: 0 }),
  loadRemovedMw: Type.Number({ description: '3 decimals' }),
  loadStillDrawingMw: Type.Number({ description: '3 decimals' }),
});
export type ReportFigures = Static<typeof ReportFigures>;

export const FIGURE_NAMES = [
  'found',
  'shutDown',
  'licensedAfter',
  'loadRemovedMw',
  'loadStillDrawingMw',
] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];

export const ReportSiteLine = Type.Object({
  siteId: Type.Integer(),
  status: StatusSchema,
  standing: SiteStanding,
  loadMw: Type.Number({ description: '3 decimals' }),
});
export type ReportSiteLine = Static<typeof ReportSiteLine>;

export const ReportChangeLine = Type.Object({
  id: Type.Integer({ description: 'the status change record' }),
  siteId: Type.Integer(),
  from: Type.Union([StatusSchema, Type.Null()]),
  to: StatusSchema,
  at: Instant('when it was recorded'),
  by: Type.String({ description: 'username' }),
  note: Type.String(),
});
export type ReportChangeLine = Static<typeof ReportChangeLine>;

/** A SHA-256 in lowercase hex. */
export const Sha256Hex = Type.String({ pattern: '^[0-9a-f]{64}$' });

/** What a report says, frozen at submission and hashed (docs/reports.md, "The frozen content"). */
export const ReportContent = Type.Object({
  format: Type.Literal(1, { description: 'the version of this shape and its canonical form' }),
  utilityId: Type.Integer(),
  period: Type.String(),
  from: DayText('first day covered'),
  to: DayText('last day covered'),
  asOf: Instant(
    "the figures are the records' at this instant: the period's end, or earlier when sent before",
  ),
  revision: Type.Integer({ minimum: 1 }),
  figures: ReportFigures,
  sites: Type.Array(ReportSiteLine, { description: 'the sites counted as found, by id' }),
  changes: Type.Array(ReportChangeLine, {
    description: 'the status changes within the period, by time then id',
  }),
  narrative: Type.String(),
  attachments: Type.Array(Sha256Hex, { description: 'SHA-256 of each attachment, sorted, once each' }),
});
export type ReportContent = Static<typeof ReportContent>;

const SiteNow = Type.Object({ status: StatusSchema, standing: SiteStanding, loadMw: Type.Number() });
const FigureValue = Type.Number();

/** A difference between a submitted report and the records (docs/reports.md, "Discrepancies"). */
export const Discrepancy = Type.Union([
  Type.Object({
    kind: Type.Literal('FIGURE_DIFFERS'),
    figure: Type.Enum([...FIGURE_NAMES]),
    reported: FigureValue,
    current: FigureValue,
    delta: Type.Number({ description: 'current − reported (MW to 3 decimals)' }),
  }),
  Type.Object({
    kind: Type.Literal('REPORTED_SHUT_DOWN_NOW_ACTIVE'),
    siteId: Type.Integer(),
    reported: ReportSiteLine,
    current: SiteNow,
  }),
  Type.Object({
    kind: Type.Literal('REPORTED_LICENSED_NOW_ACTIVE'),
    siteId: Type.Integer(),
    reported: ReportSiteLine,
    current: SiteNow,
  }),
  Type.Object({
    kind: Type.Literal('SITE_STATUS_DIFFERS'),
    siteId: Type.Integer(),
    reported: ReportSiteLine,
    current: SiteNow,
  }),
  Type.Object({
    kind: Type.Literal('SITE_LOAD_DIFFERS'),
    siteId: Type.Integer(),
    reported: Type.Number(),
    current: Type.Number(),
    delta: Type.Number(),
  }),
  Type.Object({
    kind: Type.Literal('SITE_NOT_REPORTED'),
    siteId: Type.Integer(),
    current: SiteNow,
  }),
  Type.Object({
    kind: Type.Literal('SITE_NOT_ATTRIBUTED'),
    siteId: Type.Integer(),
    reported: ReportSiteLine,
    currentUtilityId: Type.Union([Type.Integer(), Type.Null()], { description: 'null: unassigned' }),
  }),
  Type.Object({
    kind: Type.Literal('SITE_NOT_FOUND_ILLEGAL'),
    siteId: Type.Integer(),
    reported: ReportSiteLine,
    currentStatus: StatusSchema,
  }),
  Type.Object({
    kind: Type.Literal('SITE_NOT_IN_RECORDS'),
    siteId: Type.Integer(),
    reported: ReportSiteLine,
  }),
]);
export type Discrepancy = Static<typeof Discrepancy>;
export type DiscrepancyKind = Discrepancy['kind'];

export const REPORT_STATES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportState = (typeof REPORT_STATES)[number];
export const ReportStateSchema = Type.Enum(REPORT_STATES);

export const REPORT_ACTIONS = ['open', 'edit', 'submit', 'accept', 'return'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** The codes a report step may be refused with (docs/reports.md, "The state machine"). */
export type ReportRefusalCode =
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VERSION_CONFLICT'
  | 'REPORT_EXISTS'
  | 'REPORT_FROZEN'
  | 'NOT_SUBMITTED'
  | 'PERIOD_NOT_ENDED'
  | 'NOTE_REQUIRED';

/** One utility's row in the regulator's overview of a period, in the overview's order of attention. */
export const OVERVIEW_STATES = ['MISSING', 'LATE', 'RETURNED', 'ON_TIME', 'ACCEPTED', 'DUE'] as const;
export type OverviewState = (typeof OVERVIEW_STATES)[number];
export const PACES = ['NOTHING_FOUND', 'BEHIND', 'ON_TRACK'] as const;
export type Pace = (typeof PACES)[number];

export const OverviewRow = Type.Object({
  utilityId: Type.Integer(),
  name: Type.String(),
  nameZh: Type.String(),
  state: Type.Enum([...OVERVIEW_STATES], {
    description:
      'ACCEPTED/RETURNED: the latest revision reviewed so (RETURNED also while its next revision is a draft); ' +
      'ON_TIME/LATE: submitted, awaiting review; MISSING: due passed, nothing submitted; DUE: not yet due',
  }),
  daysLate: Type.Integer({
    minimum: 0,
    description:
      'Beijing days the first submission came after the due instant, or, when missing, days overdue',
  }),
  revision: Type.Union([Type.Integer(), Type.Null()], { description: 'the latest revision; null: none' }),
  submittedAt: Type.Union([Type.String(), Type.Null()], { description: 'the latest submission' }),
  reported: Type.Union([ReportFigures, Type.Null()], { description: 'of the latest submitted revision' }),
  current: ReportFigures,
  pace: Type.Enum([...PACES], { description: 'NOTHING_FOUND rather than "100 % done" when found is 0' }),
  shareDone: Type.Union([Type.Number(), Type.Null()], { description: '4 decimals; null when nothing found' }),
  elapsedShare: Type.Number({ description: '4 decimals, as the progress report at the end of today' }),
});
export type OverviewRow = Static<typeof OverviewRow>;
