import { describe, expect, it } from 'vitest';
import { joinedBytes, jsonAnswer } from './json-bytes';

const bytes = (answer: string | Buffer) => (typeof answer === 'string' ? Buffer.from(answer) : answer);
const row = (i: number) => ({
  substationId: i,
  name: `Substation ${i}`,
  nameZh: `变电站${i}号 "引号" \\ \n`,
  loadMw: i / 7,
  missing: undefined,
  at: new Date(Date.UTC(2026, 0, 1 + (i % 28))),
  nested: { values: [i, null, -0, 1e21, 'é'], flag: i % 2 === 0 },
});

describe('jsonAnswer', () => {
  it.each([
    ['a short array', Array.from({ length: 64 }, (_, i) => row(i))],
    ['a long array', Array.from({ length: 1_001 }, (_, i) => row(i))],
    ['a long array of 65', Array.from({ length: 65 }, (_, i) => row(i))],
    [
      'a long array with holes and undefined',
      withHoles(Array.from({ length: 100 }, (_, i) => (i % 3 ? i : undefined))),
    ],
    [
      'an object holding a long array',
      {
        type: 'FeatureCollection',
        skipped: undefined,
        features: Array.from({ length: 300 }, (_, i) => row(i)),
        fn: () => 1,
        summary: { count: 300, 名: '总计' },
        more: Array.from({ length: 70 }, (_, i) => [i, `${i}`]),
      },
    ],
    ['an object without one', { a: [1, 2, 3], b: '乌鲁木齐' }],
    ['an empty array', []],
    ['a string', '新疆'],
    ['null', null],
    ['a number', 1.5],
  ])('writes the bytes of JSON.stringify for %s', (_name, value) => {
    expect(bytes(jsonAnswer(value)).equals(Buffer.from(JSON.stringify(value)))).toBe(true);
  });

  it('gives bytes for a long array and text otherwise', () => {
    expect(Buffer.isBuffer(jsonAnswer(Array.from({ length: 65 }, (_, i) => i)))).toBe(true);
    expect(typeof jsonAnswer(Array.from({ length: 64 }, (_, i) => i))).toBe('string');
    expect(typeof jsonAnswer({ error: { code: 'X', message: 'y' } })).toBe('string');
  });

  it('leaves an array with its own toJSON, and an object of a class, to JSON.stringify', () => {
    const custom = Object.assign(
      Array.from({ length: 100 }, (_, i) => i),
      { toJSON: () => 'custom' },
    );
    expect(jsonAnswer(custom)).toBe('"custom"');
    class Answer {
      items = Array.from({ length: 100 }, (_, i) => i);
    }
    expect(jsonAnswer(new Answer())).toBe(JSON.stringify(new Answer()));
  });
});

describe('joinedBytes', () => {
  it.each([0, 1, 64, 65, 1_000])('writes the bytes of head, %i texts joined, tail', (n) => {
    const texts = Array.from({ length: n }, (_, i) => JSON.stringify(row(i)));
    const expected = `{"features":[${texts.join(',')}],"n":${n}}`;
    const bytes = joinedBytes('{"features":[', texts, ',', `],"n":${n}}`);
    expect(bytes.equals(Buffer.from(expected))).toBe(true);
  });
});

/** The array with ten holes after its elements. */
function withHoles(array: unknown[]): unknown[] {
  array.length += 10;
  return array;
}
