import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { checkZoneFields, EMPTY_ZONE_FIELDS, zoneFields } from './zone-form';

const t = en.zones;

describe('checkZoneFields', () => {
  it('needs a name, and sends blank optional fields as null', () => {
    expect(checkZoneFields(EMPTY_ZONE_FIELDS, t)).toEqual({ ok: false, problems: { name: t.nameRequired } });
    expect(checkZoneFields({ ...EMPTY_ZONE_FIELDS, name: '  Hami north  ' }, t)).toEqual({
      ok: true,
      body: { name: 'Hami north', team: null, dueDate: null, notes: null, state: 'planned' },
    });
  });

  it('refuses a due date that is not a calendar day', () => {
    for (const dueDate of ['2026-02-30', '2026-1-5', 'tomorrow']) {
      const check = checkZoneFields({ ...EMPTY_ZONE_FIELDS, name: 'Z', dueDate }, t);
      expect(check).toEqual({ ok: false, problems: { dueDate: t.badDate } });
    }
    const ok = checkZoneFields({ ...EMPTY_ZONE_FIELDS, name: 'Z', dueDate: '2026-02-28', team: 'B' }, t);
    expect(ok).toMatchObject({ ok: true, body: { dueDate: '2026-02-28', team: 'B' } });
  });

  it('says which fields are over the API limits', () => {
    const check = checkZoneFields(
      { ...EMPTY_ZONE_FIELDS, name: 'x'.repeat(201), notes: 'y'.repeat(5001) },
      t,
    );
    expect(check).toEqual({ ok: false, problems: { name: t.tooLong, notes: t.tooLong } });
  });
});

describe('zoneFields', () => {
  it('fills the form from a stored zone, nulls as blanks', () => {
    expect(
      zoneFields({ name: 'Z', team: null, dueDate: '2026-06-01', notes: null, state: 'active' }),
    ).toEqual({ name: 'Z', team: '', dueDate: '2026-06-01', notes: '', state: 'active' });
  });
});
