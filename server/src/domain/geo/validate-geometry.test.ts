import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateGeometry } from './validate-geometry';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/geo/', import.meta.url));

/** Every `*.geojson` in a fixture folder: a Feature whose geometry is the input and whose properties say what to expect. */
function readFixtures(folder: string): [string, { geometry: unknown; properties: { expected: unknown } }][] {
  return readdirSync(join(fixtures, folder))
    .filter((name) => name.endsWith('.geojson'))
    .sort()
    .map((name) => [
      basename(name, '.geojson'),
      JSON.parse(readFileSync(join(fixtures, folder, name), 'utf8')),
    ]);
}

interface ExpectedRefusal {
  status: number;
  code: string;
  path: string;
  reason: string;
}

describe('validateGeometry fixtures', () => {
  it.each(readFixtures('invalid'))('refuses invalid/%s', (_name, feature) => {
    const expected = feature.properties.expected as ExpectedRefusal;
    const result = validateGeometry(feature.geometry);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect({ status: result.status, code: result.code, path: result.path }).toEqual({
      status: expected.status,
      code: expected.code,
      path: expected.path,
    });
    expect(result.reason).toContain(expected.reason);
  });

  it.each(readFixtures('valid'))('accepts and cleans valid/%s', (_name, feature) => {
    expect(validateGeometry(feature.geometry)).toEqual({ ok: true, value: feature.properties.expected });
  });

  it('has fixtures to read', () => {
    expect(readFixtures('invalid').length).toBeGreaterThan(20);
    expect(readFixtures('valid').length).toBeGreaterThan(3);
  });
});

const square = [
  [87, 43],
  [88, 43],
  [88, 44],
  [87, 44],
  [87, 43],
];

describe('validateGeometry', () => {
  it('refuses a polygon with a million vertices with 413 before looking at its shape', () => {
    const ring = Array.from({ length: 1_000_000 }, (_, i) => [87 + Math.cos(i), 43 + Math.sin(i), 'x']);
    const result = validateGeometry({ type: 'Polygon', coordinates: [ring] });
    expect(result).toMatchObject({
      ok: false,
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      path: '/coordinates/0/100000',
    });
  });

  it('refuses a GeometryCollection nested 10,000 deep with 413', () => {
    let geometry: unknown = { type: 'Polygon', coordinates: [square] };
    for (let i = 0; i < 10_000; i++) geometry = { type: 'GeometryCollection', geometries: [geometry] };
    expect(validateGeometry(geometry)).toMatchObject({ ok: false, status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('takes the caps as a parameter', () => {
    const result = validateGeometry(
      { type: 'Polygon', coordinates: [square] },
      { maxVertices: 4, maxDepth: 16 },
    );
    expect(result).toMatchObject({ ok: false, status: 413, path: '/coordinates/0/4' });
  });

  it('reports the shape before the values: a string beats a longitude of 200', () => {
    const result = validateGeometry({
      type: 'Polygon',
      coordinates: [
        [
          [200, 43],
          [88, '43'],
          [88, 44],
          [200, 43],
        ],
      ],
    });
    expect(result).toMatchObject({ ok: false, status: 400, path: '/coordinates/0/1/1' });
  });

  it('reports the values before the rings and the topology: longitude 200 in an unclosed bowtie', () => {
    const result = validateGeometry({
      type: 'Polygon',
      coordinates: [
        [
          [87, 43],
          [88, 44],
          [88, 43],
          [87, 44],
          [200, 43],
        ],
      ],
    });
    expect(result).toMatchObject({ ok: false, status: 422, path: '/coordinates/0/4' });
  });

  it('reports the rings before the topology: a short ring in a MultiPolygon whose other polygon is a bowtie', () => {
    const bowtie = [
      [87, 43],
      [88, 44],
      [88, 43],
      [87, 44],
      [87, 43],
    ];
    const short = [
      [90, 43],
      [91, 43],
      [90, 43],
    ];
    const result = validateGeometry({ type: 'MultiPolygon', coordinates: [[bowtie], [short]] });
    expect(result).toMatchObject({ ok: false, status: 422, path: '/coordinates/1/0' });
    if (!result.ok) expect(result.reason).toContain('has 3 positions');
  });

  it('names the polygon and ring of a topology error in a MultiPolygon', () => {
    const result = validateGeometry({
      type: 'MultiPolygon',
      coordinates: [
        [square],
        [
          [
            [90, 43],
            [91, 44],
            [91, 43],
            [90, 44],
            [90, 43],
          ],
        ],
      ],
    });
    expect(result).toMatchObject({
      ok: false,
      status: 422,
      code: 'INVALID_GEOMETRY',
      path: '/coordinates/1/0',
    });
    if (!result.ok) expect(result.reason).toContain('Self-intersection at or near (90.5, 43.5)');
  });

  it('does not change its input', () => {
    const input = { type: 'Polygon', coordinates: [[...square].reverse()] };
    const copy = structuredClone(input);
    validateGeometry(input);
    expect(input).toEqual(copy);
  });

  it('refuses a non-finite altitude', () => {
    const result = validateGeometry({
      type: 'Polygon',
      coordinates: [
        [
          [87, 43, 0],
          [88, 43, NaN],
          [88, 44, 0],
          [87, 43, 0],
        ],
      ],
    });
    expect(result).toMatchObject({ ok: false, status: 422, path: '/coordinates/0/1' });
  });
});
