import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './export-format';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['Hami Farm, North', '"Hami Farm, North"'],
    ['say "hi"', '"say ""hi"""'],
    ['哈密数据中心', '哈密数据中心'],
  ])('escapes %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes numbers, booleans and empties as they are', () => {
    expect([csvCell(-1.5), csvCell(12), csvCell(true), csvCell(null), csvCell(undefined)]).toEqual([
      '-1.5',
      '12',
      'true',
      '',
      '',
    ]);
  });

  it('ends a row with CRLF', () => {
    expect(csvRow(['a', 1, null])).toBe('a,1,\r\n');
  });
});
