import { describe, expect, it } from 'vitest';
import type { LayerFilter } from '../store/store';
import { everyPage, PAGE } from './every-page';

/** A paged read over ids 1..n, recording each call's filter and whether earlier pages had been consumed. */
function pagedRead(n: number) {
  const calls: { afterId?: number; consumedBefore: number }[] = [];
  let consumed = 0;
  const read = async (filter: LayerFilter) => {
    calls.push({ afterId: filter.afterId, consumedBefore: consumed });
    const from = (filter.afterId ?? 0) + 1;
    const ids = Array.from(
      { length: Math.max(0, Math.min(filter.limit!, n - from + 1)) },
      (_, i) => from + i,
    );
    return { features: ids.map((id) => ({ id })), truncated: from + ids.length - 1 < n };
  };
  return { calls, read, consume: () => consumed++ };
}

describe('everyPage', () => {
  it('gives every row once, in order, across pages', async () => {
    const n = PAGE * 2 + 7;
    const { read, consume } = pagedRead(n);
    const ids: number[] = [];
    for await (const f of everyPage({}, read)) {
      ids.push(f.id);
      consume();
    }
    expect(ids).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  });

  it('asks for the next page before the consumer has finished this one (read-ahead)', async () => {
    const { calls, read, consume } = pagedRead(PAGE * 3);
    for await (const _ of everyPage({}, read)) consume();
    expect(calls.map((c) => c.afterId)).toEqual([undefined, PAGE, PAGE * 2]);
    // The second page was asked for when none of the first had been consumed yet.
    expect(calls[1]!.consumedBefore).toBe(0);
    expect(calls[2]!.consumedBefore).toBe(PAGE);
  });

  it('asks once for an empty layer and passes a read error to the consumer', async () => {
    const { calls, read } = pagedRead(0);
    for await (const _ of everyPage({}, read)) throw new Error('no rows expected');
    expect(calls).toHaveLength(1);
    let pages = 0;
    const failing = async () => {
      if (pages++ > 0) throw new Error('connection lost');
      return { features: [{ id: 1 }], truncated: true };
    };
    await expect(
      (async () => {
        for await (const _ of everyPage({}, failing));
      })(),
    ).rejects.toThrow('connection lost');
  });
});
