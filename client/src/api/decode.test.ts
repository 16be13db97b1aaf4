import { describe, expect, it } from 'vitest';
import { Type, type TSchema } from 'typebox';
import * as answers from './answers';
import { decodeAnswer, isPrecompiled } from './decode';

describe('decodeAnswer', () => {
  it('has a check compiled at build time for every answer the client decodes (the page forbids eval)', () => {
    const schemas: [string, TSchema][] = [];
    for (const [name, value] of Object.entries(answers)) {
      // A TypeBox schema carries its `~kind`; LAYER_FEATURE and the like are records of schemas.
      if ('~kind' in value) schemas.push([name, value]);
      else
        for (const [key, inner] of Object.entries(value as Record<string, TSchema>)) {
          schemas.push([`${name}.${key}`, inner]);
        }
    }
    expect(schemas.length).toBeGreaterThan(20);
    for (const [name, schema] of schemas) expect(isPrecompiled(schema), name).toBe(true);
  });

  it('names the path where a precompiled check finds an answer wrong', () => {
    const layers = [
      { id: 'sites', title: 'Sites', titleZh: '矿场', geometryType: 'Point', count: 'many', bbox: null },
    ];
    expect(() => decodeAnswer(answers.LayerList, layers, '/api/layers', 200)).toThrow(/\/0\/count/);
  });

  it('refuses a schema the build did not compile, rather than check it slowly', () => {
    const own = Type.Object({ n: Type.Integer() });
    expect(isPrecompiled(own)).toBe(false);
    expect(() => decodeAnswer(own, { n: 1 }, '/x', 200)).toThrow(/answers\.ts/);
  });
});
