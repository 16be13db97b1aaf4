import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { formatDay } from '../progress/progress-format';
import { addDays, clampDay, daysBetween, nextPlayDay, playStart } from './as-of-days';
import { DayInput } from './day-input';
import './as-of-control.css';

/** Play shows a week a step, a step every this many milliseconds: the whole campaign in about half a minute. */
const PLAY_STEP_DAYS = 7;
const PLAY_INTERVAL_MS = 900;

interface Props {
  /** The day shown (YYYY-MM-DD), or null for now. */
  value: string | null;
  /** The first day of the slider: the campaign's start. */
  min: string;
  /** The last day: today in Beijing. */
  max: string;
  onChange: (day: string | null) => void;
}

/**
 * The map as of a day: a slider from the campaign's start to today, a date field for an exact day, a play
 * button that steps through the campaign a week at a time, and a way back to now.
 */
export function AsOfControl({ value, min, max, onChange }: Props) {
  const { t, locale } = useI18n();
  const [playing, setPlaying] = useState(false);
  const shown = value ?? max;

  // One step per shown day: each new day schedules the next.
  useEffect(() => {
    if (!playing) return;
    const timer = window.setTimeout(() => {
      const next = nextPlayDay(shown, min, max, PLAY_STEP_DAYS);
      if (next === null) setPlaying(false);
      else onChange(next);
    }, PLAY_INTERVAL_MS);
    return () => window.clearTimeout(timer);
  }, [playing, shown, min, max, onChange]);

  const togglePlay = () => {
    if (playing) {
      setPlaying(false);
      return;
    }
    onChange(playStart(value, min, max));
    setPlaying(true);
  };
  const choose = (day: string | null) => {
    setPlaying(false);
    onChange(day);
  };

  return (
    <section
      className={value === null ? 'asof-bar' : 'asof-bar asof-bar--past'}
      aria-label={t.time.title}
      data-testid="asof-control"
    >
      <button
        type="button"
        className="asof-bar__play"
        data-testid="asof-play"
        aria-pressed={playing}
        onClick={togglePlay}
      >
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? t.time.pause : t.time.play}
      </button>
      <input
        type="range"
        className="asof-bar__slider"
        data-testid="asof-slider"
        aria-label={t.time.slider}
        aria-valuetext={formatDay(locale, shown)}
        min={0}
        max={daysBetween(min, max)}
        step={1}
        value={daysBetween(min, shown)}
        onChange={(event) => choose(addDays(min, Number(event.target.value)))}
      />
      <DayInput
        className="asof-bar__date"
        data-testid="asof-date"
        aria-label={`${t.time.date} (YYYY-MM-DD)`}
        value={shown}
        onDay={(day) => choose(clampDay(day, min, max))}
      />
      <span className="asof-bar__state" role="status" data-testid="asof-state">
        {value === null ? t.time.now : t.time.asOf}
      </span>
      <button type="button" data-testid="asof-now" disabled={value === null} onClick={() => choose(null)}>
        {t.time.backToNow}
      </button>
    </section>
  );
}
