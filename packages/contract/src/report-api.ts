import { Type, type Static } from 'typebox';
import { AttachmentOut, MAX_ATTACHMENTS_PER_RECORD } from './enforcement';
import {
  Discrepancy,
  OverviewRow,
  ReportContent,
  ReportingPeriod,
  ReportSchedule,
  ReportStateSchema,
  Sha256Hex,
} from './reports';

/**
 * The API of the utilities' periodic reports (issue 12, docs/reports.md): requests and answers. The shapes a
 * report is made of (content, figures, discrepancies, overview rows) are in reports.ts.
 */

/** A narrative is at most this long (about ten pages). */
export const MAX_NARRATIVE_LENGTH = 20_000;
/** A review's comment is at most this long. */
export const MAX_REVIEW_COMMENT_LENGTH = 2000;

export const PeriodName = Type.String({
  pattern: '^(\\d{4}-(0[1-9]|1[0-2])|final)$',
  description: "YYYY-MM (a month of the campaign) or 'final'",
});

const NullableText = Type.Union([Type.String(), Type.Null()]);
const NullableInstant = Type.Union([Type.String({ description: 'ISO 8601 instant, UTC' }), Type.Null()]);

/** One revision of a utility's report for a period, as a list shows it. */
const SUMMARY = {
  id: Type.Integer(),
  utilityId: Type.Integer(),
  utilityName: Type.String(),
  utilityNameZh: Type.String(),
  period: Type.String(),
  revision: Type.Integer({ minimum: 1 }),
  state: ReportStateSchema,
  version: Type.Integer({ minimum: 1, description: 'the If-Match of PATCH, submit and review' }),
  dueAt: Type.String({ description: "the period's due instant" }),
  createdAt: Type.String(),
  createdBy: Type.String(),
  submittedAt: NullableInstant,
  submittedBy: NullableText,
  /** Beijing days after the due instant the revision was submitted; 0 on time; null: not submitted. */
  daysLate: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  sha256: Type.Union([Sha256Hex, Type.Null()], { description: 'of the frozen content; null: a draft' }),
  reviewedAt: NullableInstant,
  reviewedBy: NullableText,
  reviewComment: NullableText,
};
export const ReportSummary = Type.Object(SUMMARY);
export type ReportSummary = Static<typeof ReportSummary>;

/** A report: a draft shows the figures the records give now; a submitted one its frozen content. */
export const ReportOut = Type.Object({
  ...SUMMARY,
  narrative: Type.String(),
  attachments: Type.Array(AttachmentOut),
  content: ReportContent,
  /** Where the records now differ from what the submitted revision says; [] for a draft. */
  discrepancies: Type.Array(Discrepancy),
  /** Every revision of this utility's report for the period, oldest first (this one among them). */
  revisions: Type.Array(
    Type.Object({
      id: Type.Integer(),
      revision: Type.Integer(),
      state: ReportStateSchema,
      submittedAt: NullableInstant,
      sha256: Type.Union([Sha256Hex, Type.Null()]),
    }),
  ),
});
export type ReportOut = Static<typeof ReportOut>;

export const ReportList = Type.Array(ReportSummary);

export const ReportListQuery = Type.Object(
  {
    utilityId: Type.Optional(Type.Integer({ minimum: 1 })),
    period: Type.Optional(PeriodName),
  },
  { additionalProperties: false },
);
export type ReportListQuery = Static<typeof ReportListQuery>;

/** POST /api/reports: a utility's enforcer opens its utility's report for a period (or its next revision). */
export const OpenReportBody = Type.Object({ period: PeriodName }, { additionalProperties: false });
export type OpenReportBody = Static<typeof OpenReportBody>;

export const UpdateReportBody = Type.Object(
  {
    narrative: Type.Optional(Type.String({ maxLength: MAX_NARRATIVE_LENGTH })),
    /** The report's attachments after the edit: ids of the user's own uploads or of those already on it. */
    attachmentIds: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1 }), { maxItems: MAX_ATTACHMENTS_PER_RECORD, uniqueItems: true }),
    ),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type UpdateReportBody = Static<typeof UpdateReportBody>;

export const SubmitReportBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type SubmitReportBody = Static<typeof SubmitReportBody>;

export const ReviewReportBody = Type.Object(
  {
    decision: Type.Enum(['accept', 'return']),
    /** Required (not blank) to return: what the utility must change (NOTE_REQUIRED otherwise). */
    comment: Type.Optional(Type.String({ maxLength: MAX_REVIEW_COMMENT_LENGTH })),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type ReviewReportBody = Static<typeof ReviewReportBody>;

export const OverviewQuery = Type.Object({ period: PeriodName }, { additionalProperties: false });
export type OverviewQuery = Static<typeof OverviewQuery>;

/** GET /api/reports/overview: every utility's standing for the period, what needs attention first. */
export const ReportsOverview = Type.Object({
  period: ReportingPeriod,
  rows: Type.Array(OverviewRow),
});
export type ReportsOverview = Static<typeof ReportsOverview>;

/** GET /api/reports/periods: the schedule and its periods (a utility's enforcer picks one to open). */
export const ReportPeriods = Type.Object({
  schedule: ReportSchedule,
  scheduleVersion: Type.Integer({ minimum: 1 }),
  periods: Type.Array(ReportingPeriod),
});
export type ReportPeriods = Static<typeof ReportPeriods>;

/** PUT /api/reports/schedule (admin, audited): the campaign's schedule, at the version read. */
export const UpdateScheduleBody = Type.Object(
  { ...ReportSchedule.properties, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type UpdateScheduleBody = Static<typeof UpdateScheduleBody>;
