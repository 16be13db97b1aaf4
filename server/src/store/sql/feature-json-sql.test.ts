import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServerUrl } from '../../../test/throwaway-postgres';
import { realIsPlain, realText } from './feature-json-sql';

/**
 * The databases' text of a double against JSON.stringify's, on real SQLite and PostgreSQL: every plain value
 * (realIsPlain) must be written exactly as JavaScript writes it. Coordinates at the seed's 1e-6° grid and
 * after arithmetic, loads, integers, and random bit patterns over the plain range.
 */
function doubles(): number[] {
  let state = 7;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const values = [
    0,
    -0,
    1,
    -1,
    5,
    2000,
    0.1,
    0.1 + 0.2,
    89.20100000000001,
    123.4567890123456,
    1e-4,
    0.00010000000000000002,
  ];
  for (let i = 0; i < 3000; i++) {
    values.push(Math.round((random() * 360 - 180) * 1e6) / 1e6);
    values.push(random() * 360 - 180 + i * 1e-3);
    values.push(random() * 2000);
    values.push(Math.round(random() * 1e6) / 1e3);
    const bits = new DataView(new ArrayBuffer(8));
    bits.setUint32(0, Math.floor(random() * 2 ** 32));
    bits.setUint32(4, Math.floor(random() * 2 ** 32));
    values.push(bits.getFloat64(0));
    values.push(10 ** (random() * 19 - 4) * (random() < 0.5 ? -1 : 1));
  }
  return values.filter((v) => Number.isFinite(v));
}

const VALUES = doubles();
const inRange = (v: number) => v === 0 || (Math.abs(v) >= 1e-4 && Math.abs(v) < 1e15);
const digits = (v: number) => v.toExponential().replace(/e.*$/, '').replace(/[-.]/g, '').length;

describe('real numbers written by the databases as JavaScript writes them', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: testServerUrl() });
    await client.connect();
  });
  afterAll(async () => client.end());

  it('SQLite', () => {
    const db = new Database(':memory:');
    const statement = db.prepare(
      `SELECT ${realIsPlain('sqlite', 'x')} AS plain, ${realText('sqlite', 'x')} AS text FROM (SELECT CAST(? AS REAL) AS x)`,
    );
    const wrong = VALUES.flatMap((v) => {
      const row = statement.get(v) as { plain: number; text: string };
      if (Boolean(row.plain) !== (inRange(v) && digits(v) <= 15)) return [[v, 'plain?']];
      return row.plain && row.text !== JSON.stringify(v) ? [[v, row.text]] : [];
    });
    db.close();
    expect(wrong).toEqual([]);
  });

  it('PostgreSQL', async () => {
    const { rows } = await client.query<{ v: string; plain: boolean; text: string }>(
      `SELECT x::text AS v, ${realIsPlain('postgis', 'x')} AS plain, ${realText('postgis', 'x')} AS text
         FROM unnest($1::float8[]) WITH ORDINALITY AS u(x, n) ORDER BY n`,
      [VALUES],
    );
    const wrong = rows.flatMap((row, i) => {
      const v = VALUES[i]!;
      if (row.plain !== inRange(v)) return [[v, 'plain?']];
      return row.plain && row.text !== JSON.stringify(v) ? [[v, row.text]] : [];
    });
    expect(wrong).toEqual([]);
  });
});
