import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

const table = (text: string) => {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(result.reason);
  return { header: result.header, rows: result.records.map((r) => r.cells) };
};

describe('parseCsv (RFC 4180)', () => {
  it('reads a header and rows', () => {
    expect(table('a,b\n1,2\n3,4\n')).toEqual({
      header: ['a', 'b'],
      rows: [
        ['1', '2'],
        ['3', '4'],
      ],
    });
  });
  it('reads quoted fields holding commas, escaped quotes and line breaks', () => {
    expect(table('a,b\r\n"x, y","say ""hi"""\r\n"two\r\nlines",z\r\n').rows).toEqual([
      ['x, y', 'say "hi"'],
      ['two\r\nlines', 'z'],
    ]);
  });
  it('skips a byte-order mark, so the first column is named as written', () => {
    expect(table('\uFEFFlon,lat\n87,44').header).toEqual(['lon', 'lat']);
  });
  it('accepts CRLF, LF and CR line ends and a last line without one', () => {
    expect(table('a\r\n1\n2\r3').rows).toEqual([['1'], ['2'], ['3']]);
  });
  it('keeps empty fields, quoted or not, and skips blank lines', () => {
    expect(table('a,b,c\n,"",x\n\n\r\n1,,\n').rows).toEqual([
      ['', '', 'x'],
      ['1', '', ''],
    ]);
  });
  it('numbers each record by the line it starts on', () => {
    const result = parseCsv('a\n"x\ny"\n\nz\n');
    expect(result.ok && result.records.map((r) => r.line)).toEqual([2, 5]);
  });
  it.each([
    ['an unclosed quote', 'a\n"x,1\n', /line 2: a quoted field is never closed/],
    ['a quote inside an unquoted field', 'a\nx"y\n', /line 2: a quote inside an unquoted field/],
    ['text after a closing quote', 'a\n"x"y\n', /line 2: text after the closing quote/],
    ['an empty file', '', /empty/],
  ])('refuses %s', (_name, text, reason) => {
    const result = parseCsv(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
  it('stops at the first row over the cap', () => {
    const result = parseCsv(`a\n${'1\n'.repeat(1000)}`, 10);
    expect(result).toMatchObject({ ok: false, tooMany: true, reason: 'the CSV has more than 10 rows' });
  });
});
