import { describe, expect, it } from 'vitest';
import type { Bbox } from '../api';
import { PYLON_MIN_ZOOM } from './map-layers';
import { containsBbox, padBbox, planPylonFetch } from './pylon-fetch-plan';

const view: Bbox = [87, 43, 88, 44];

describe('planPylonFetch', () => {
  it('fetches nothing below the minimum zoom', () => {
    expect(planPylonFetch(PYLON_MIN_ZOOM - 0.01, view, null)).toEqual({ kind: 'keep' });
  });

  it('clears the pylons held when zooming out below the minimum zoom', () => {
    expect(planPylonFetch(8, view, { bbox: view, truncated: false })).toEqual({ kind: 'clear' });
  });

  it('fetches a padded box at the minimum zoom', () => {
    expect(planPylonFetch(PYLON_MIN_ZOOM, view, null)).toEqual({
      kind: 'fetch',
      bbox: [86.5, 42.5, 88.5, 44.5],
    });
  });

  it('keeps a complete answer while the view stays inside it', () => {
    const held = { bbox: [86.5, 42.5, 88.5, 44.5] as Bbox, truncated: false };
    expect(planPylonFetch(12, [87.2, 43.1, 88.4, 44.4], held)).toEqual({ kind: 'keep' });
    expect(planPylonFetch(12, [87.2, 43.1, 88.6, 44.4], held).kind).toBe('fetch');
  });

  it('refetches the exact view when the answer held was truncated', () => {
    const held = { bbox: [86, 42, 89, 45] as Bbox, truncated: true };
    expect(planPylonFetch(11, view, held)).toEqual({ kind: 'fetch', bbox: view });
  });
});

describe('padBbox', () => {
  it('stays within the valid range of longitude and latitude', () => {
    expect(padBbox([179, 89, 180, 90], 1)).toEqual([178, 88, 180, 90]);
  });
});

describe('containsBbox', () => {
  it('counts a shared edge as inside', () => {
    expect(containsBbox(view, view)).toBe(true);
    expect(containsBbox(view, [86.9, 43, 88, 44])).toBe(false);
  });
});
