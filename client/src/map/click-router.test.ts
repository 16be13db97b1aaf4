import { describe, expect, it } from 'vitest';
import { pickTarget } from './click-router';
import { CLICK_LAYERS, Z_ORDER } from './style';

describe('pickTarget', () => {
  it('sends the click to the topmost clickable layer, whatever the order of the hits', () => {
    const hits = [
      { styleLayerId: 'regions-fill', id: 3 },
      { styleLayerId: 'sites', id: 17 },
      { styleLayerId: 'lines', id: 4 },
    ];
    expect(pickTarget(hits, CLICK_LAYERS, Z_ORDER)).toEqual({ layer: 'sites', id: 17 });
  });

  it('ignores layers that are not clickable and features without an id', () => {
    const hits = [
      { styleLayerId: 'sites-label', id: 17 },
      { styleLayerId: 'substations', id: undefined },
      { styleLayerId: 'lines', id: 4 },
    ];
    expect(pickTarget(hits, CLICK_LAYERS, Z_ORDER)).toEqual({ layer: 'lines', id: 4 });
  });

  it('answers null when nothing clickable was hit', () => {
    expect(pickTarget([{ styleLayerId: 'lakes', id: 1 }], CLICK_LAYERS, Z_ORDER)).toBeNull();
  });
});
