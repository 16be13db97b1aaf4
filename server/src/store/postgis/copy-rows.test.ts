import { describe, expect, it } from 'vitest';
import { MARK, QUOTE, TOTALS, unmarkRows } from './copy-rows';

const m = String.fromCharCode(MARK);
const t = String.fromCharCode(TOTALS);
const ignore = () => {};
const render = (id: number) => Promise.resolve(`{"id":${id},"made":"here"}`);

async function run(chunks: string[], chunkBytes = 1): Promise<string[]> {
  const out: string[] = [];
  async function* source() {
    for (const c of chunks) yield Buffer.from(c, 'utf8');
  }
  for await (const b of unmarkRows(source(), render, chunkBytes, ignore)) out.push(b.toString('utf8'));
  return out;
}

describe('unmarkRows', () => {
  // The last row carries the totals: 4 features, 1.5 MW.
  const copied = `{"id":1},\n${m}2,\n{"id":3,"name":"阿克苏"},\n${m}4${t}4 1.5\n`;
  const expected = `{"id":1},\n{"id":2,"made":"here"},\n{"id":3,"name":"阿克苏"},\n{"id":4,"made":"here"}\n`;

  it('replaces every marked row, with its comma, wherever the chunks are cut', async () => {
    const bytes = Buffer.from(copied, 'utf8');
    for (let cut = 0; cut <= bytes.length; cut++) {
      for (let second = cut; second <= bytes.length; second += 3) {
        const parts = [bytes.subarray(0, cut), bytes.subarray(cut, second), bytes.subarray(second)];
        const out: Buffer[] = [];
        async function* source() {
          yield* parts;
        }
        let totals: number[] = [];
        for await (const b of unmarkRows(source(), render, 1, (numbers) => (totals = numbers))) out.push(b);
        expect(Buffer.concat(out).toString('utf8')).toBe(expected);
        expect(totals).toEqual([4, 1.5]);
      }
    }
  });

  it("drops the rows' newlines for a page, and reads the row past its limit as counted only", async () => {
    // A page of limit 3 read with one row more (copy-layer-json.ts): that row writes no text, only the totals.
    const page = `{"id":1},\n${m}2,\n{"id":3}\n${t}4 0\n`;
    const bytes = Buffer.from(page, 'utf8');
    for (let cut = 0; cut <= bytes.length; cut++) {
      async function* source() {
        yield* [bytes.subarray(0, cut), bytes.subarray(cut)];
      }
      let count = 0;
      const out: Buffer[] = [];
      for await (const b of unmarkRows(source(), render, 1, ([n]) => (count = n!), 'drop')) out.push(b);
      expect(Buffer.concat(out).toString('utf8')).toBe(`{"id":1},{"id":2,"made":"here"},{"id":3}`);
      expect(count).toBe(4);
    }
  });

  it('gives every number of the totals: the count, the sum, then the tallies by group', async () => {
    const copied = `{"id":1},\n{"id":2}${t}2 1500000 1 500000 0 0 1 1e+15\n`;
    let totals: number[] = [];
    async function* source() {
      yield Buffer.from(copied);
    }
    for await (const _ of unmarkRows(source(), render, 1, (numbers) => (totals = numbers)));
    expect(totals).toEqual([2, 1500000, 1, 500000, 0, 0, 1, 1e15]);
  });

  it('joins small chunks into chunks of at least the size asked, but the last', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `{"id":${i}},\n`);
    const out = await run(rows, 100);
    expect(out.join('')).toBe(rows.join(''));
    for (const chunk of out.slice(0, -1)) expect(Buffer.byteLength(chunk)).toBeGreaterThanOrEqual(100);
    expect(out.length).toBeGreaterThan(2);
  });

  it('cuts a chunk that arrives in a burst into pieces under twice the size asked', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `{"id":${i}},\n`).join('');
    const out = await run([rows], 100);
    expect(out.join('')).toBe(rows);
    for (const chunk of out.slice(0, -1)) {
      expect(Buffer.byteLength(chunk)).toBeGreaterThanOrEqual(100);
      expect(Buffer.byteLength(chunk)).toBeLessThan(200);
    }
  });

  it('refuses a quoted row, a marked row without an id and a copy that ends inside a marked row', async () => {
    await expect(run([`{"a":1}${String.fromCharCode(QUOTE)},\n`])).rejects.toThrow(/quoted a row/);
    await expect(run([`${m}x,\n`])).rejects.toThrow(/without an id/);
    await expect(run([`{"id":1},\n${m}12`])).rejects.toThrow(/ended inside a marked row/);
  });
});
