import { ALLOWED_TRANSITIONS, type Status } from '@gridwatch/contract';
import type { StatusChangeBody } from '../api';

/** The statuses a site may move to from `current`: the server's own table, so the form offers nothing it refuses. */
export function nextStatuses(current: Status): readonly Status[] {
  return ALLOWED_TRANSITIONS[current];
}

export interface StatusFields {
  status: Status | '';
  note: string;
  zoneId: number | null;
}

/** The body of the status change, or null while the form is not complete (no status chosen, a blank note). */
export function statusChangeBody(fields: StatusFields, version: number): StatusChangeBody | null {
  const note = fields.note.trim();
  if (!fields.status || !note) return null;
  return {
    status: fields.status,
    note,
    version,
    ...(fields.zoneId === null ? {} : { zoneId: fields.zoneId }),
  };
}
