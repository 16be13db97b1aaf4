/**
 * The life of a report (docs/reports.md, "The state machine"):
 *
 *   (none) --open--> draft(1) --submit--> submitted --accept--> accepted
 *                      ^ edit                 |
 *                                             +--return--> returned --open--> draft(n+1) --submit--> ...
 *
 * A submitted report is frozen: nothing edits it again, and a returned one is revised as a new revision (the
 * earlier stays readable as it was). The utility's enforcers (an account of that utility, enforcer or above)
 * open, edit and submit; the regulator's enforcers and admins (accounts of no utility) accept and return. A
 * utility never reviews its own report, and no regulator account writes a utility's statement.
 *
 * Checks come in a fixed order: who (FORBIDDEN, so an outsider learns nothing of the report), whether it
 * exists (NOT_FOUND), the version the client saw (VERSION_CONFLICT, before the state, so a stale client hears
 * about the conflict first, as checkStatusChange does), the state (REPORT_EXISTS, REPORT_FROZEN,
 * NOT_SUBMITTED), then the step's own rule (PERIOD_NOT_ENDED, NOTE_REQUIRED).
 */
import {
  ROLES,
  type ReportAction,
  type ReportRefusalCode,
  type ReportState,
  type Role,
} from '@gridwatch/contract';

/** The latest revision of a utility's report for a period; `state: null` (revision 0, version 0) when none. */
export interface ReportHead {
  utilityId: number;
  revision: number;
  state: ReportState | null;
  version: number;
}

export const noReportYet = (utilityId: number): ReportHead => ({
  utilityId,
  revision: 0,
  state: null,
  version: 0,
});

/** Who acts: an account of a utility (`utilityId`), or of the regulator (`utilityId: null`). */
export interface ReportActor {
  role: Role;
  utilityId: number | null;
}

/** A step asked for, with the version of the report the client saw (0: "there is none yet"). */
export type ReportStep =
  | { action: 'open'; version: number }
  | { action: 'edit'; version: number }
  | { action: 'submit'; version: number; nowMs: number; opensAt: string }
  | { action: 'accept'; version: number }
  | { action: 'return'; version: number; note: string | undefined };

export interface ReportRefusal {
  code: ReportRefusalCode;
  message: string;
  details: [] | [{ currentVersion: number }];
}

const UTILITY_STEPS: readonly ReportAction[] = ['open', 'edit', 'submit'];
const atLeastEnforcer = (role: Role) => ROLES.indexOf(role) >= ROLES.indexOf('enforcer');

/** Whether `actor` may take `action` on `utilityId`'s report (the rule of who, without the report's state). */
export function mayTakeStep(actor: ReportActor, action: ReportAction, utilityId: number): boolean {
  if (!atLeastEnforcer(actor.role)) return false;
  return UTILITY_STEPS.includes(action) ? actor.utilityId === utilityId : actor.utilityId === null;
}

/** Why the step is refused, or null when it may be taken. */
export function checkReportTransition(
  report: ReportHead,
  step: ReportStep,
  actor: ReportActor,
): ReportRefusal | null {
  const { action } = step;
  if (!mayTakeStep(actor, action, report.utilityId)) {
    const who = UTILITY_STEPS.includes(action)
      ? `an enforcer of utility ${report.utilityId}`
      : "the regulator's enforcers and admins";
    return refuse('FORBIDDEN', `Only ${who} may ${action} this report`);
  }
  if (report.state === null && action !== 'open') {
    return refuse('NOT_FOUND', 'There is no report for this utility and period yet');
  }
  if (step.version !== report.version) {
    return {
      code: 'VERSION_CONFLICT',
      message: `The report was changed meanwhile: you have version ${step.version}, it is now ${report.version}`,
      details: [{ currentVersion: report.version }],
    };
  }
  switch (step.action) {
    case 'open':
      if (report.state === 'draft') return refuse('REPORT_EXISTS', 'A draft is open: edit it');
      if (report.state === 'submitted' || report.state === 'accepted') {
        return refuse('REPORT_FROZEN', `The report is ${report.state}; only a returned report is revised`);
      }
      return null;
    case 'edit':
    case 'submit':
      if (report.state !== 'draft') {
        return refuse('REPORT_FROZEN', `The report is ${report.state}: only a draft is edited or submitted`);
      }
      if (step.action === 'submit' && step.nowMs < Date.parse(step.opensAt)) {
        return refuse('PERIOD_NOT_ENDED', `The report may be submitted from ${step.opensAt}`);
      }
      return null;
    case 'accept':
    case 'return':
      if (report.state !== 'submitted') {
        return refuse('NOT_SUBMITTED', `The report is ${report.state}: only a submitted report is reviewed`);
      }
      if (step.action === 'return' && (step.note ?? '').trim() === '') {
        return refuse('NOTE_REQUIRED', 'A returned report needs a note saying what to change');
      }
      return null;
  }
}

/** The revision and state a step that was allowed leads to (the store bumps the version). */
export function afterStep(
  report: ReportHead,
  action: ReportAction,
): { revision: number; state: ReportState } {
  switch (action) {
    case 'open':
      return { revision: report.revision + 1, state: 'draft' };
    case 'edit':
      return { revision: report.revision, state: 'draft' };
    case 'submit':
      return { revision: report.revision, state: 'submitted' };
    case 'accept':
      return { revision: report.revision, state: 'accepted' };
    case 'return':
      return { revision: report.revision, state: 'returned' };
  }
}

function refuse(code: ReportRefusalCode, message: string): ReportRefusal {
  return { code, message, details: [] };
}
