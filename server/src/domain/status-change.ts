import { ALLOWED_TRANSITIONS, type Status } from '@gridwatch/contract';

export interface StatusChangeRequest {
  status: Status;
  note: string | undefined;
  version: number;
}

export type StatusChangeRefusal =
  | { code: 'NOTE_REQUIRED'; message: string; details: [] }
  | { code: 'VERSION_CONFLICT'; message: string; details: [{ currentVersion: number }] }
  | {
      code: 'TRANSITION_NOT_ALLOWED';
      message: string;
      details: [{ from: Status; to: Status; allowed: Status[] }];
    };

/**
 * Whether a site in `current` may move as asked (DOMAIN.md): a note that says something, the version the
 * client saw, and an allowed transition — checked in that order, so a stale client hears about the conflict
 * before it is told that a transition it based on old data is refused.
 */
export function checkStatusChange(
  current: { status: Status; version: number },
  request: StatusChangeRequest,
): StatusChangeRefusal | null {
  if (!request.note || request.note.trim() === '') {
    return {
      code: 'NOTE_REQUIRED',
      message: 'A status change needs a note saying what was found',
      details: [],
    };
  }
  if (request.version !== current.version) {
    return {
      code: 'VERSION_CONFLICT',
      message: `The site was changed meanwhile: you have version ${request.version}, it is now ${current.version}`,
      details: [{ currentVersion: current.version }],
    };
  }
  const allowed = [...ALLOWED_TRANSITIONS[current.status]];
  if (!allowed.includes(request.status)) {
    return {
      code: 'TRANSITION_NOT_ALLOWED',
      message: `A site cannot go from ${current.status} to ${request.status}; allowed: ${allowed.join(', ')}`,
      details: [{ from: current.status, to: request.status, allowed }],
    };
  }
  return null;
}
