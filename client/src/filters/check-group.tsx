import { useId, type ReactNode } from 'react';
import { useI18n } from '../i18n';

interface Props<T extends string | number> {
  legend: string;
  /** The group's test id; each box's is `<testId>-<value>`. */
  testId: string;
  values: readonly T[];
  chosen: readonly T[];
  label: (value: T) => ReactNode;
  onChange: (chosen: readonly T[]) => void;
}

/**
 * A group of checkboxes over a list of values. The last ticked box cannot be unticked: no value at all would
 * mean an empty map, and the API reads an empty list as no filter.
 */
export function CheckGroup<T extends string | number>(props: Props<T>) {
  const { t } = useI18n();
  const hintId = useId();
  const { values, chosen, onChange } = props;
  const toggle = (value: T, on: boolean) =>
    onChange(values.filter((v) => (v === value ? on : chosen.includes(v))));
  return (
    <fieldset className="check-group" data-testid={props.testId} aria-describedby={hintId}>
      <legend>{props.legend}</legend>
      <span id={hintId} hidden>
        {t.filters.lastOne}
      </span>
      {values.map((value) => (
        <label key={value}>
          <input
            type="checkbox"
            data-testid={`${props.testId}-${value}`}
            checked={chosen.includes(value)}
            disabled={chosen.length === 1 && chosen.includes(value)}
            onChange={(event) => toggle(value, event.target.checked)}
          />
          {props.label(value)}
        </label>
      ))}
    </fieldset>
  );
}
