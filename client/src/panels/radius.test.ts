import { describe, expect, it } from 'vitest';
import { MAX_RADIUS_KM as SERVER_MAX, UnlicensedLoadQuery } from '@gridwatch/contract';
import { DEFAULT_RADIUS_KM, MAX_RADIUS_KM, parseRadius } from './radius';

describe('parseRadius', () => {
  it('accepts a radius above 0 and up to the maximum, decimals included', () => {
    expect(parseRadius('10')).toEqual({ ok: true, km: 10 });
    expect(parseRadius(' 2.5 ')).toEqual({ ok: true, km: 2.5 });
    expect(parseRadius('500')).toEqual({ ok: true, km: 500 });
  });

  it('refuses nothing, text, zero, negatives and more than the maximum, saying why', () => {
    expect(parseRadius('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseRadius('ten')).toEqual({ ok: false, reason: 'notNumber' });
    expect(parseRadius('0')).toEqual({ ok: false, reason: 'outOfRange' });
    expect(parseRadius('-3')).toEqual({ ok: false, reason: 'outOfRange' });
    expect(parseRadius('500.01')).toEqual({ ok: false, reason: 'outOfRange' });
  });
});

describe('the radius limits', () => {
  it("are the API's", () => {
    expect(MAX_RADIUS_KM).toBe(SERVER_MAX);
    const schema = UnlicensedLoadQuery.properties.radiusKm as unknown as { default: unknown };
    expect(DEFAULT_RADIUS_KM).toBe(schema.default);
  });
});
