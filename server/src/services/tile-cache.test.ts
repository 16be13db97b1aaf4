import { describe, expect, it } from 'vitest';
import { TileCache } from './tile-cache';

describe('TileCache', () => {
  it('keeps tiles by ETag, empty ones too', () => {
    const cache = new TileCache(1024);
    cache.set('"a"', Buffer.from([1, 2, 3]));
    cache.set('"empty"', Buffer.alloc(0));
    expect(cache.get('"a"')).toEqual(Buffer.from([1, 2, 3]));
    expect(cache.get('"empty"')?.byteLength).toBe(0);
    expect(cache.get('"b"')).toBeUndefined();
  });

  it('stays within its byte budget, dropping the least recently used', () => {
    const cache = new TileCache(250);
    cache.set('"1"', Buffer.alloc(100));
    cache.set('"2"', Buffer.alloc(100));
    cache.get('"1"');
    cache.set('"3"', Buffer.alloc(100));
    expect(cache.get('"2"')).toBeUndefined();
    expect(cache.get('"1"')).toBeDefined();
    expect(cache.bytes).toBeLessThanOrEqual(250);
  });

  it('keeps nothing with a budget of 0', () => {
    const cache = new TileCache(0);
    cache.set('"a"', Buffer.from([1]));
    expect(cache.get('"a"')).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });
});
