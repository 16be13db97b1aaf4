import type { SignatureRow } from '../api';
import { fill, type Locale, type Messages } from '../i18n';
import { formatNumber } from './format';

/**
 * Why a substation ranks where it does, in the planner's language: the step's date and size, how flat the added
 * load runs, and the unexplained load on the day (the server's `reason` says the same in English).
 */
export function signatureReason(row: SignatureRow, asOf: string, t: Messages, locale: Locale): string {
  const s = t.signatures;
  const mw = (v: number) => formatNumber(locale, v, t.units.mw)!;
  const two = (v: number) =>
    v.toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-US', {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
  const values = { unexplained: mw(row.unexplainedMw), asOf };
  if (!row.step) return fill(s.none, values);
  const step = { ...values, size: mw(row.step.sizeMw), date: row.step.date };
  if (!row.shape) return fill(s.stepOnly, step);
  const shape = { ...step, ratio: two(row.shape.nightDayRatio), factor: two(row.shape.loadFactor) };
  return fill(row.signature === 'flat-step' ? s.flatStep : s.step, shape);
}
