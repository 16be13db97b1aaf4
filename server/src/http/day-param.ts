import type { LayerId } from '@gridwatch/contract';
import { endOfDayIso, parseCalendarDay } from '@gridwatch/contract';
import { validationFailed } from './app-error';

/** A query-string day that must exist in the calendar; the refusal names the parameter. */
export function dayParam(name: string, text: string): string {
  const day = parseCalendarDay(text);
  if (day.ok) return day.value;
  const message = `${name}: ${day.reason}`;
  throw validationFailed(message, [{ in: 'querystring', path: `/${name}`, message }]);
}

/** The instant of an optional `asOf` day (the end of the day in Beijing), checked against the calendar. */
export function asOfInstant(text: string | undefined): string | undefined {
  return text === undefined ? undefined : endOfDayIso(dayParam('asOf', text));
}

/** The instant of the layer route's `asOf` (the end of the day in Beijing); only the sites layer has a past. */
export function sitesAsOfInstant(layer: LayerId, text: string): string {
  if (layer !== 'sites') {
    const message = `asOf applies to the sites layer only, not to ${layer}`;
    throw validationFailed(message, [{ in: 'querystring', path: '/asOf', message }]);
  }
  return endOfDayIso(dayParam('asOf', text));
}
