import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { outsideRegion } from './outside-region';

describe('outsideRegion', () => {
  it('passes points in Xinjiang and a few degrees beyond its frame', () => {
    expect(outsideRegion({ type: 'Point', coordinates: [87.6168, 43.8256] })).toBeUndefined();
    expect(outsideRegion({ type: 'Point', coordinates: [71.5, 42] })).toBeUndefined(); // 2° west of the frame
  });

  it('flags a point with latitude and longitude swapped', () => {
    expect(outsideRegion({ type: 'Point', coordinates: [43.8256, 87.6168] })).toEqual({
      path: '/coordinates',
      position: [43.8256, 87.6168],
      hint: 'swapped',
      reason:
        'position /coordinates (43.8256, 87.6168) lies far outside the region, but inside it with longitude and latitude swapped',
    });
  });

  it('flags projected metres sent as degrees', () => {
    const flag = outsideRegion({ type: 'Point', coordinates: [9753500, 5437000] });
    expect(flag?.hint).toBe('projected');
    expect(flag?.reason).toContain('projected metres');
  });

  it('flags a point elsewhere in the world, naming the first far position of a polygon', () => {
    const polygon: Geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [87, 43],
          [116.4, 39.9],
          [88, 44],
          [87, 43],
        ],
      ],
    };
    expect(outsideRegion(polygon)).toMatchObject({ path: '/coordinates/0/1', hint: 'far' });
  });

  it('walks GeometryCollections and takes another frame and margin', () => {
    const collection: Geometry = {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [87, 43] },
        {
          type: 'MultiPoint',
          coordinates: [
            [87, 43],
            [100, 43],
          ],
        },
      ],
    };
    expect(outsideRegion(collection)?.path).toBe('/geometries/1/coordinates/1');
    expect(outsideRegion(collection, [73.5, 34.3, 96.4, 49.2], 4)).toBeUndefined();
    expect(outsideRegion({ type: 'Point', coordinates: [87, 43] }, [0, 0, 10, 10], 0)?.hint).toBe('far');
  });
});
