import { ApiError } from '../api';
import type { Messages } from '../i18n';

/**
 * What to tell the user when a zone write is refused: the two conflicts get our explanation of what to do next,
 * anything else (a 422 naming the self-intersection, a 400) the API's own sentence.
 */
export function zoneErrorMessage(error: unknown, t: Messages['zones']): string {
  if (!(error instanceof ApiError)) return String(error);
  if (error.code === 'VERSION_CONFLICT') return t.conflict;
  if (error.code === 'ZONE_IN_USE') return t.inUse;
  return error.message;
}
