import { describe, expect, it } from 'vitest';
import { shortcutOf } from './shortcut-keys';

describe('shortcutOf', () => {
  it('maps the keys to their shortcuts', () => {
    expect(shortcutOf('/', false, false)).toBe('search');
    expect(shortcutOf('?', false, false)).toBe('help');
    expect(shortcutOf('l', false, false)).toBe('language');
    expect(shortcutOf('x', false, false)).toBeNull();
  });

  it('leaves the keys typed into a field, or with Ctrl, Alt or Meta, alone', () => {
    expect(shortcutOf('/', true, false)).toBeNull();
    expect(shortcutOf('l', false, true)).toBeNull();
    expect(shortcutOf('Escape', true, false)).toBe('close');
  });
});
