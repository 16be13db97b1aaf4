import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseStrictJson } from './strict-json';

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

describe('parseStrictJson against deep nesting (issue 10, item 1)', () => {
  it(`accepts ${MAX_JSON_DEPTH} levels and refuses one more, naming the limit`, () => {
    const nest = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect(parseStrictJson(nest(MAX_JSON_DEPTH)).ok).toBe(true);
    const refused = parseStrictJson(nest(MAX_JSON_DEPTH + 1));
    expect(refused).toMatchObject({ ok: false, path: '/' });
    if (!refused.ok) expect(refused.reason).toContain(`deeper than ${MAX_JSON_DEPTH} levels`);
  });
  it('refuses depth 10^6 in 2 MB at once, also as objects and as unterminated text', () => {
    for (const text of [
      '['.repeat(1_000_000) + ']'.repeat(1_000_000),
      '{"a":'.repeat(400_000) + '1' + '}'.repeat(400_000),
      '['.repeat(2_000_000),
      ']'.repeat(1_000_000) + '['.repeat(1_000_000),
    ]) {
      const started = performance.now();
      expect(parseStrictJson(text).ok).toBe(false);
      // A generous bound: the quadratic scan took seconds at depth 12,000 and died at 40,000.
      expect(performance.now() - started).toBeLessThan(500);
    }
  });
  it('counts brackets inside strings as text, and still finds a duplicate deep inside a wide body', () => {
    expect(parseStrictJson(JSON.stringify({ s: '['.repeat(100) })).ok).toBe(true);
    const wide = `[${Array.from({ length: 20_000 }, (_, i) => `{"id":${i}}`).join(',')},{"a":{"b":1,"b":2}}]`;
    expect(parseStrictJson(wide)).toMatchObject({ ok: false, path: '/20000/a/b' });
  });
});
