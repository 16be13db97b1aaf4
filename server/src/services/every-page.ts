import type { LayerFilter } from '../store/store';

/** Rows a page when a service walks a whole layer: big enough to be few queries, small enough for memory. */
const PAGE = 5000;

/**
 * Every feature a paged read gives, a page at a time (keyset by id), so a million never sit in memory at once:
 * `read` is asked with the filter, `limit` and, after the first page, `afterId`.
 */
export async function* everyPage<F extends { id: number }>(
  filter: Omit<LayerFilter, 'limit' | 'afterId' | 'beforeId'>,
  read: (filter: LayerFilter) => Promise<{ features: F[]; truncated: boolean }>,
): AsyncGenerator<F> {
  let afterId: number | undefined;
  for (;;) {
    const page = await read({ ...filter, limit: PAGE, ...(afterId ? { afterId } : {}) });
    yield* page.features;
    if (!page.truncated) return;
    afterId = page.features[page.features.length - 1]!.id;
  }
}
