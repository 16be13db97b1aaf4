import { useEffect, useId, useState } from 'react';
import { fill, useI18n } from '../i18n';
import { MAX_RADIUS_KM, parseRadius } from './radius';

/** Typing pauses this long before a new radius is asked of the API, so "25" is one request and not two. */
const RADIUS_DEBOUNCE_MS = 400;

interface Props {
  km: number;
  onChange: (km: number) => void;
  testId: string;
}

/** The analysis radius in km: what is typed is kept as typed, and only a valid radius is passed on. */
export function RadiusInput({ km, onChange, testId }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(String(km));
  const [shownKm, setShownKm] = useState(km);
  const check = parseRadius(draft);
  // The radius is shared by the panels: a change made elsewhere replaces this draft unless it says the same.
  if (km !== shownKm) {
    setShownKm(km);
    if (!(check.ok && check.km === km)) setDraft(String(km));
  }

  const pending = check.ok && check.km !== km ? check.km : null;
  useEffect(() => {
    if (pending === null) return;
    const timer = setTimeout(() => onChange(pending), RADIUS_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [pending, onChange]);

  return (
    <div className="radius-input">
      <label htmlFor={id}>{t.analysis.radius}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={0}
        max={MAX_RADIUS_KM}
        step="any"
        data-testid={testId}
        value={draft}
        aria-invalid={!check.ok}
        onChange={(e) => setDraft(e.target.value)}
      />
      {!check.ok && (
        <p className="radius-input__error" role="alert">
          {fill(t.analysis.radiusInvalid, { max: MAX_RADIUS_KM })}
        </p>
      )}
    </div>
  );
}
