import { describe, expect, it } from 'vitest';
import { fill } from './i18n';
import { localName } from './names';

describe('fill', () => {
  it('replaces the placeholders it has values for and leaves the others', () => {
    expect(fill('Could not load {what}: {message}', { what: 'Sites' })).toBe(
      'Could not load Sites: {message}',
    );
    expect(fill('from zoom {zoom}', { zoom: 10 })).toBe('from zoom 10');
  });
});

describe('localName', () => {
  it('prefers the name in the chosen language and falls back to the other', () => {
    expect(localName({ name: 'Hami', nameZh: '哈密市' }, 'zh')).toBe('哈密市');
    expect(localName({ name: 'Hami', nameZh: '哈密市' }, 'en')).toBe('Hami');
    expect(localName({ name: 'Hami', nameZh: '' }, 'zh')).toBe('Hami');
    expect(localName({ name: null, nameZh: '哈密市' }, 'en')).toBe('哈密市');
  });
});
