import { useState, type InputHTMLAttributes } from 'react';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  value: string;
  /** Called with each complete, real day typed (YYYY-MM-DD). */
  onDay: (day: string) => void;
  /** Called when the field is emptied, for a day that may be left out (none: the day in force comes back). */
  onEmpty?: () => void;
};

/**
 * A day typed as YYYY-MM-DD, the same in every browser and language: a text field, not the browser's date
 * picker, whose order (mm/dd/yyyy or dd/mm/yyyy) follows the browser's locale. A half-typed day stays in the
 * field until it is whole; leaving the field puts the day in force back.
 */
export function DayInput({ value, onDay, onEmpty, ...rest }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      placeholder="YYYY-MM-DD"
      pattern="\d{4}-\d{2}-\d{2}"
      maxLength={10}
      size={10}
      value={draft ?? value}
      onChange={(event) => {
        const text = event.target.value.trim();
        if (isCalendarDay(text)) {
          setDraft(null);
          onDay(text);
        } else if (text === '' && onEmpty) {
          setDraft(null);
          onEmpty();
        } else setDraft(event.target.value);
      }}
      onBlur={() => setDraft(null)}
    />
  );
}
