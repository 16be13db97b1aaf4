import type { ReportRefusal } from '../domain/reports';
import type { ReportOutcome, ReportRecord } from '../store/store';
import { AppError } from './app-error';

const STATUS: Record<ReportRefusal['code'], number> = {
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  REPORT_EXISTS: 409,
  REPORT_FROZEN: 409,
  NOT_SUBMITTED: 409,
  PERIOD_NOT_ENDED: 409,
  NOTE_REQUIRED: 400,
};

/** A report step's outcome: the report, or the refusal as its HTTP error (docs/reports.md, the statuses). */
export function reportOrThrow(outcome: ReportOutcome, attachmentIds: readonly number[] = []): ReportRecord {
  if (outcome.ok) return outcome.report;
  if ('attachment' in outcome) {
    const { id, reason } = outcome.attachment;
    throw new AppError(400, 'VALIDATION_FAILED', `Cannot attach upload ${id}: ${reason}`, [
      { in: 'body', path: `/attachmentIds/${attachmentIds.indexOf(id)}`, message: reason },
    ]);
  }
  const { code, message, details } = outcome.refusal;
  throw new AppError(STATUS[code], code, message, details);
}
