import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { checkZoneFields, ZONE_STATES, type ZoneFields, type ZoneFormCheck } from './zone-form';

interface Props {
  initial: ZoneFields;
  /** A new zone is always planned; its state is chosen once it exists. */
  withState: boolean;
  submitLabel: string;
  disabled: boolean;
  onSubmit: (body: Extract<ZoneFormCheck, { ok: true }>['body']) => void;
}

/** Name, team, due date and notes of a zone (and its state, once it exists), checked before sending. */
export function ZoneForm({ initial, withState, submitLabel, disabled, onSubmit }: Props) {
  const { t } = useI18n();
  const [fields, setFields] = useState(initial);
  const [problems, setProblems] = useState<Partial<Record<keyof ZoneFields, string>>>({});
  const set = (field: keyof ZoneFields) => (e: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [field]: e.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const check = checkZoneFields(fields, t.zones);
    setProblems(check.ok ? {} : check.problems);
    if (check.ok) onSubmit(check.body);
  };
  const problem = (field: keyof ZoneFields) =>
    problems[field] && <span className="form__problem">{problems[field]}</span>;

  return (
    <form className="form" onSubmit={submit} data-testid="zone-form">
      <label>
        {t.zones.name}
        <input data-testid="zone-name" value={fields.name} onChange={set('name')} />
        {problem('name')}
      </label>
      <label>
        {t.zones.team}
        <input data-testid="zone-team" value={fields.team} onChange={set('team')} />
        {problem('team')}
      </label>
      <label>
        {t.zones.dueDate}
        <input
          data-testid="zone-due-date"
          type="text"
          inputMode="numeric"
          placeholder="YYYY-MM-DD"
          maxLength={10}
          value={fields.dueDate}
          onChange={set('dueDate')}
        />
        {problem('dueDate')}
      </label>
      {withState && (
        <label>
          {t.zones.state}
          <select data-testid="zone-state" value={fields.state} onChange={set('state')}>
            {ZONE_STATES.map((s) => (
              <option key={s} value={s}>
                {t.zoneStates[s]}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t.zones.notes}
        <textarea data-testid="zone-notes" rows={2} value={fields.notes} onChange={set('notes')} />
        {problem('notes')}
      </label>
      <button type="submit" className="button button--primary" data-testid="zone-save" disabled={disabled}>
        {submitLabel}
      </button>
    </form>
  );
}
