import { describe, expect, it } from 'vitest';
import { parseStrictJson } from './strict-json';

describe('parseStrictJson', () => {
  it('parses ordinary JSON, with escapes and nesting', () => {
    const text = '{"a": [1, {"b": "x\\"}{,"}, {"b": 2}], "c": {"a": 1}, "s": "\\u00e9"}';
    expect(parseStrictJson(text)).toEqual({ ok: true, value: JSON.parse(text) });
  });
  it('allows the same key in sibling objects', () => {
    expect(parseStrictJson('[{"id": 1}, {"id": 2}]').ok).toBe(true);
  });
  it.each([
    ['not JSON', '{status: "x"}', /not valid JSON/, '/'],
    ['NaN', '{"loadMw": NaN}', /not valid JSON/, '/'],
    ['Infinity', '{"loadMw": Infinity}', /not valid JSON/, '/'],
    ['a duplicate key', '{"status": "LICENSED", "status": "SHUT_DOWN"}', /"status" appears twice/, '/status'],
    [
      'a nested duplicate key',
      '{"features": [{}, {"properties": {"a": 1, "a": 2}}]}',
      /"a" appears twice/,
      '/features/1/properties/a',
    ],
    ['__proto__', '{"__proto__": {"role": "admin"}}', /"__proto__" is not allowed/, '/__proto__'],
    [
      'constructor deep inside',
      '{"a": {"constructor": {"prototype": {}}}}',
      /"constructor" is not allowed/,
      '/a/constructor',
    ],
  ])('refuses %s', (_name, text, reason, path) => {
    const result = parseStrictJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(reason);
      expect(result.path).toBe(path);
    }
  });
});
