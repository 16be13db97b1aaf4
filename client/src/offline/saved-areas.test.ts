import { describe, expect, it } from 'vitest';
import { addArea, ageOf, AREAS_KEY, megabytes, readAreas, removeArea, type SavedArea } from './saved-areas';

const memory = () => {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
};

const area = (id: string): SavedArea => ({
  id,
  name: `Zone ${id}`,
  bbox: [93, 42, 94, 43],
  savedAt: '2026-12-03T10:00:00.000Z',
  bytes: 12_345_678,
  urlCount: 300,
  sitesUrl: '/api/layers/sites?bbox=93,42,94,43',
  basemapMaxZoom: 15,
});

describe('saved areas', () => {
  it('lists the newest first, replaces one saved again, and deletes', () => {
    const storage = memory();
    addArea(storage, area('a'));
    addArea(storage, area('b'));
    expect(readAreas(storage).map((a) => a.id)).toEqual(['b', 'a']);
    addArea(storage, area('a'));
    expect(readAreas(storage).map((a) => a.id)).toEqual(['a', 'b']);
    expect(removeArea(storage, 'a').map((a) => a.id)).toEqual(['b']);
  });

  it('reads a damaged list as empty', () => {
    const storage = memory();
    storage.setItem(AREAS_KEY, '{not json');
    expect(readAreas(storage)).toEqual([]);
    storage.setItem(AREAS_KEY, '{"a":1}');
    expect(readAreas(storage)).toEqual([]);
  });

  it('says the age in minutes, hours or days, and the size in MB', () => {
    const saved = '2026-12-03T10:00:00.000Z';
    expect(ageOf(saved, new Date('2026-12-03T10:05:30Z'))).toEqual({ unit: 'min', count: 5 });
    expect(ageOf(saved, new Date('2026-12-03T12:10:00Z'))).toEqual({ unit: 'h', count: 2 });
    expect(ageOf(saved, new Date('2026-12-06T10:00:00Z'))).toEqual({ unit: 'd', count: 3 });
    expect(megabytes(12_345_678)).toBe('12.3');
  });
});
