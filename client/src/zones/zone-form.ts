import type { CreateZoneBody, ZoneState } from '../api';
import type { Messages } from '../i18n';

export const ZONE_STATES = ['planned', 'active', 'closed'] as const satisfies readonly ZoneState[];

/** The zone form as typed: every field is text until it is checked. */
export interface ZoneFields {
  name: string;
  team: string;
  dueDate: string;
  notes: string;
  state: ZoneState;
}

export const EMPTY_ZONE_FIELDS: ZoneFields = { name: '', team: '', dueDate: '', notes: '', state: 'planned' };

/** The limits of the API's schema (server/src/api/enforcement.ts), checked here only to say so before sending. */
const MAX_NAME = 200;
const MAX_TEAM = 200;
const MAX_NOTES = 5000;

export type ZoneFormCheck =
  | { ok: true; body: Omit<CreateZoneBody, 'geometry'> }
  | { ok: false; problems: Partial<Record<keyof ZoneFields, string>> };

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** Checks the form and gives the body to send; blank optional fields are sent as null (cleared). */
export function checkZoneFields(fields: ZoneFields, t: Messages['zones']): ZoneFormCheck {
  const name = fields.name.trim();
  const team = fields.team.trim();
  const notes = fields.notes.trim();
  const problems: Partial<Record<keyof ZoneFields, string>> = {};
  if (!name) problems.name = t.nameRequired;
  else if (name.length > MAX_NAME) problems.name = t.tooLong;
  if (team.length > MAX_TEAM) problems.team = t.tooLong;
  if (notes.length > MAX_NOTES) problems.notes = t.tooLong;
  if (fields.dueDate && !isCalendarDate(fields.dueDate)) problems.dueDate = t.badDate;
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      name,
      team: team || null,
      dueDate: fields.dueDate || null,
      notes: notes || null,
      state: fields.state,
    },
  };
}

/** The form filled from a stored zone. */
export function zoneFields(p: {
  name: string;
  team: string | null;
  dueDate: string | null;
  notes: string | null;
  state: string;
}): ZoneFields {
  const state = ZONE_STATES.find((s) => s === p.state) ?? 'planned';
  return { name: p.name, team: p.team ?? '', dueDate: p.dueDate ?? '', notes: p.notes ?? '', state };
}
