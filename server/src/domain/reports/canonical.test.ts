import { describe, expect, it } from 'vitest';
import type { ReportingPeriod } from '@gridwatch/contract';
import { canonicalJson, freezeReport, reportContent, sha256Hex, type ReportContentInput } from './canonical';
import { computeDraft } from './draft';
import { RECORDS } from './fixtures';
import { DEFAULT_SCHEDULE, periodsOf } from './periods';

const JANUARY = periodsOf(DEFAULT_SCHEDULE)[0] as ReportingPeriod;
const DRAFT = computeDraft(RECORDS, 1, JANUARY, Date.parse('2026-03-01T00:00:00Z'));
const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const INPUT: ReportContentInput = {
  ...DRAFT,
  revision: 1,
  narrative: '一月：关停 1 处，许可 1 处。 January: one shut down, one licensed.',
  attachments: [B, A],
};

/** The same object with its keys, at every depth, in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  );
}

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x', { d: 0, c: -0 }] })).toBe(
      '{"a":[true,null,"x",{"c":0,"d":0}],"b":1}',
    );
  });

  it('orders keys by UTF-16 code units (RFC 8785 §3.2.3 example)', () => {
    const keys = ['\u20ac', '\r', '\ufb33', '1', '\ud83d\ude00', '\u0080', '\u00f6'];
    const text = canonicalJson(Object.fromEntries(keys.map((k, i) => [k, i])));
    expect(text).toBe('{"\\r":1,"1":3,"\u0080":5,"ö":6,"€":0,"\ud83d\ude00":4,"\ufb33":2}');
  });

  it('writes numbers in their shortest round-trip form (RFC 8785 §3.2.2.3 examples)', () => {
    expect(
      canonicalJson([Number('333333333.33333329'), 1e30, 4.5, 0.002, 1e-27, 12.5, -0, 100, 0.1 + 0.2]),
    ).toBe('[333333333.3333333,1e+30,4.5,0.002,1e-27,12.5,0,100,0.30000000000000004]');
  });

  it.each([NaN, Infinity, undefined, new Date(0), new Map(), () => 1, 1n])('refuses %s', (value) => {
    expect(() => canonicalJson({ value })).toThrow(TypeError);
  });
});

describe('sha256Hex', () => {
  it('hashes the UTF-8 bytes', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('北')).toBe(sha256Hex(Buffer.from('北', 'utf8').toString()));
  });
});

describe('the frozen content of a report', () => {
  const frozen = freezeReport(INPUT);

  it('holds the period, utility, revision, figures, site lists, changes, narrative and attachments', () => {
    expect(Object.keys(JSON.parse(frozen.canonical) as object)).toEqual([
      'asOf',
      'attachments',
      'changes',
      'figures',
      'format',
      'from',
      'narrative',
      'period',
      'revision',
      'sites',
      'to',
      'utilityId',
    ]);
    expect(frozen.content.attachments).toEqual([A, B]);
    expect(frozen.sha256).toBe(sha256Hex(frozen.canonical));
    expect(frozen.canonical).toContain(
      '"figures":{"found":4,"licensedAfter":1,"loadRemovedMw":7,"loadStillDrawingMw":12.25,"shutDown":1}',
    );
  });

  it('gives the same hash whatever the order of keys, sites and attachments, and the case of a hash', () => {
    const shuffled = {
      ...(reversedKeys(INPUT) as ReportContentInput),
      sites: [...INPUT.sites].reverse(),
      changes: [...INPUT.changes].reverse(),
      attachments: [A.toUpperCase(), B, A],
    };
    expect(freezeReport(shuffled).sha256).toBe(frozen.sha256);
    expect(canonicalJson(reversedKeys(frozen.content))).toBe(frozen.canonical);
  });

  it('gives the same hash for a load that rounds to the same 3 decimals, and for the same instant written otherwise', () => {
    const figures = { ...INPUT.figures, loadStillDrawingMw: 12.2504 };
    expect(freezeReport({ ...INPUT, figures }).sha256).toBe(frozen.sha256);
    expect(freezeReport({ ...INPUT, asOf: '2026-02-01T00:00:00+08:00' }).sha256).toBe(frozen.sha256);
  });

  it.each<[string, Partial<ReportContentInput>]>([
    ['found', { figures: { ...INPUT.figures, found: 5 } }],
    ['shutDown', { figures: { ...INPUT.figures, shutDown: 2 } }],
    ['licensedAfter', { figures: { ...INPUT.figures, licensedAfter: 0 } }],
    ['loadRemovedMw by 1 kW', { figures: { ...INPUT.figures, loadRemovedMw: 7.001 } }],
    ['loadStillDrawingMw', { figures: { ...INPUT.figures, loadStillDrawingMw: 12.2505 } }],
    [
      'a site’s standing',
      { sites: INPUT.sites.map((s, i) => (i === 0 ? { ...s, standing: 'SHUT_DOWN' } : s)) },
    ],
    ['a site left out', { sites: INPUT.sites.slice(1) }],
    ['a change left out', { changes: INPUT.changes.slice(1) }],
    ['the narrative by a space', { narrative: `${INPUT.narrative} ` }],
    ['an attachment', { attachments: [A] }],
    ['the revision', { revision: 2 }],
    ['the period', { period: '2026-02' }],
    ['the utility', { utilityId: 2 }],
  ])('gives another hash when %s changes', (_, change) => {
    expect(freezeReport({ ...INPUT, ...change }).sha256).not.toBe(frozen.sha256);
  });

  it('keeps its canonical form: a fixed small content gives a fixed text and hash', () => {
    const content = reportContent({
      utilityId: 7,
      period: 'final',
      from: '2026-01-01',
      to: '2026-08-31',
      asOf: '2026-08-31T16:00:00.000Z',
      revision: 2,
      figures: { found: 1, shutDown: 1, licensedAfter: 0, loadRemovedMw: 1.0005, loadStillDrawingMw: 0 },
      sites: [{ siteId: 9, status: 'SHUT_DOWN', standing: 'SHUT_DOWN', loadMw: 1.0005 }],
      changes: [],
      narrative: '完成',
      attachments: [],
    });
    const text = canonicalJson(content);
    expect(text).toBe(
      '{"asOf":"2026-08-31T16:00:00.000Z","attachments":[],"changes":[],"figures":{"found":1,"licensedAfter":0,' +
        '"loadRemovedMw":1.001,"loadStillDrawingMw":0,"shutDown":1},"format":1,"from":"2026-01-01",' +
        '"narrative":"完成","period":"final","revision":2,"sites":[{"loadMw":1.001,"siteId":9,"standing":"SHUT_DOWN",' +
        '"status":"SHUT_DOWN"}],"to":"2026-08-31","utilityId":7}',
    );
    // Python's json.dumps(content, sort_keys=True, separators=(',', ':'), ensure_ascii=False) hashes the same.
    expect(sha256Hex(text)).toMatchInlineSnapshot(
      `"b460d1b4c6232efd8f91f5043c82a277996a38cedf4261283e9315e96507132e"`,
    );
  });
});
