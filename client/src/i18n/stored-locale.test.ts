import { afterEach, describe, expect, it, vi } from 'vitest';
import { storedLocale, storeLocale } from './stored-locale';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe('the stored locale', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('gives back the language stored last', () => {
    vi.stubGlobal('localStorage', memoryStorage());
    expect(storedLocale()).toBeNull();
    storeLocale('zh');
    expect(storedLocale()).toBe('zh');
  });

  it('ignores a value that is no language of the app', () => {
    const storage = memoryStorage();
    storage.setItem('gridwatch.locale', 'fr');
    vi.stubGlobal('localStorage', storage);
    expect(storedLocale()).toBeNull();
  });

  it('does without storage when the browser refuses it', () => {
    vi.stubGlobal('localStorage', undefined);
    expect(storedLocale()).toBeNull();
    expect(() => storeLocale('en')).not.toThrow();
  });
});
