import { LRUCache } from 'lru-cache';

/**
 * Drawn tiles kept in the process, keyed by their ETag (services/data-etag.ts): the server's version, the layers'
 * data versions, the reader's utility scope and the tile's URL with its filters and day. The key names everything
 * a tile's bytes depend on, so an entry is never stale: a write advances a data version, every later request
 * reads the new version first and so asks for another key, and the old entries age out of the LRU unused. Nothing
 * to invalidate, nothing for several processes to agree on (docs/scaling.md). What it saves: a tile two users of
 * one scope both load (every regulator's map opens on the same view) is drawn once; the second costs the
 * version read of a 304, not a query.
 */
export class TileCache {
  private readonly lru: LRUCache<string, Buffer> | null;

  /** `maxBytes` 0 turns it off (the benchmarks against peers keep every cache cold: docs/performance.md). */
  constructor(maxBytes: number) {
    this.lru =
      maxBytes > 0
        ? new LRUCache<string, Buffer>({
            maxSize: maxBytes,
            // An empty tile (204) is kept as zero bytes; count it as one so the budget bounds the entries too.
            sizeCalculation: (body) => Math.max(1, body.byteLength),
          })
        : null;
  }

  /** The tile's bytes (empty: the tile has nothing, answer 204), or undefined when not kept. */
  get(etag: string): Buffer | undefined {
    return this.lru?.get(etag);
  }

  set(etag: string, body: Buffer): void {
    this.lru?.set(etag, body);
  }

  get bytes(): number {
    return this.lru?.calculatedSize ?? 0;
  }
}
