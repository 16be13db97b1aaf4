import { parseCalendarDay } from '@gridwatch/contract';
import type { Bbox } from './geo/bbox';

/**
 * The smallest zone: 1e-4° (≈ 11 m north–south, ≈ 8 m east–west at Xinjiang's latitudes) in each direction. A
 * zone is a place a team is sent to; anything smaller is a slip of the pointer (or 1e-12° of nothing) and would
 * hold no site.
 */
export const MIN_ZONE_SPAN_DEG = 1e-4;

export interface FieldProblem {
  path: string;
  reason: string;
}

/** The problems of a zone's name, due date and extent that the schema cannot see, each with its field. */
export function zoneFieldProblems(fields: {
  name?: string;
  dueDate?: string | null;
  bbox?: Bbox;
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (fields.name !== undefined && fields.name.trim() === '') {
    problems.push({ path: '/name', reason: 'the name must not be blank' });
  }
  if (fields.dueDate) {
    const day = parseCalendarDay(fields.dueDate);
    if (!day.ok) problems.push({ path: '/dueDate', reason: `dueDate: ${day.reason}` });
  }
  if (fields.bbox) {
    const [minLon, minLat, maxLon, maxLat] = fields.bbox;
    if (maxLon - minLon < MIN_ZONE_SPAN_DEG || maxLat - minLat < MIN_ZONE_SPAN_DEG) {
      problems.push({
        path: '/geometry',
        reason: `a zone must span at least ${MIN_ZONE_SPAN_DEG}° (about 10 m) in each direction`,
      });
    }
  }
  return problems;
}
