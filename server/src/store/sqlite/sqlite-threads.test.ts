import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from './generated/client';
import { isDatabaseUnavailable } from '../../http/unavailable';
import { SqliteReaders, SqliteThreadError, SqliteWriter } from './sqlite-threads';
import { withWriteLock, WriteLock } from './write-lock';

describe('reads on the SQLite reader threads', () => {
  let dir: string;
  let prisma: PrismaClient;
  let readers: SqliteReaders;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'gridwatch-threads-'));
    const file = path.join(dir, 'threads.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec(`CREATE TABLE kinds (id INTEGER PRIMARY KEY, i INTEGER, r REAL, t TEXT, b BOOLEAN, bl BLOB,
      dt DATETIME, bi BIGINT, f FLOAT, d DATE, j JSONB, n NUMERIC, odd WHATEVER)`);
    const insert = db.prepare(
      'INSERT INTO kinds (i, r, t, b, bl, dt, bi, f, d, j, n, odd) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    insert.run(
      1,
      1.5,
      'a',
      1,
      Buffer.from([1, 2, 3]),
      '2026-01-02T03:04:05.000Z',
      9007199254740993n,
      2.5,
      '2026-01-02',
      '{"a":[1,2]}',
      3.25,
      'x',
    );
    insert.run(null, null, null, null, null, null, null, null, null, null, null, null);
    insert.run(2.7, 3, '中文', 0, Buffer.alloc(0), 1700000000000, 5, 7, '2026-03-04', '[]', 4, 12);
    insert.run(-3, -0.0, '', 'true', null, null, -9007199254740993n, 1e308, null, 'null', 2, 1.5);
    db.close();
    prisma = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${file}` }) });
    await prisma.$connect();
    readers = new SqliteReaders(file, 2);
  });
  afterAll(async () => {
    await readers?.close();
    await prisma?.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  const QUERIES: Record<string, Sql> = {
    'declared columns': sql`SELECT * FROM kinds ORDER BY id`,
    expressions: sql`SELECT count(*) AS c, sum(i) AS s, avg(r) AS a, max(t) AS m, min(bi) AS mb,
      group_concat(t) AS g FROM kinds`,
    'expressions per row': sql`SELECT id, i + 0 AS i0, r * 2 AS r2, CASE WHEN i > 1 THEN i END AS maybe,
      CASE WHEN id = 1 THEN 1 ELSE 0.5 END AS mixed, NULL AS nada, -0.0 AS negzero, 1e999 AS inf, -1e999 AS neginf, id || 'x' AS txt, typeof(odd) AS ty,
      odd, bl AS blob_again, b AS bool_again FROM kinds ORDER BY id`,
    'the same name twice': sql`SELECT id AS x, t AS x, i FROM kinds ORDER BY id`,
    'no rows': sql`SELECT id, t FROM kinds WHERE id < 0`,
    'bound values': sql`SELECT ${5} AS int, ${5.5} AS real, ${'text'} AS txt, ${null} AS nul, ${true} AS yes,
      ${false} AS no, ${2 ** 40} AS big, ${12n} AS bigint, ${-0} AS negzero, ${1e21} AS huge, ${Infinity} AS inf, ${NaN} AS nan`,
    'bound values in a filter': sql`SELECT id FROM kinds WHERE i >= ${1} AND t IN (${'a'}, ${'中文'}) ORDER BY id`,
    'a date bound': sql`SELECT ${new Date('2026-01-02T03:04:05.000Z')} AS d`,
    'a window': sql`SELECT id, row_number() OVER (ORDER BY id DESC) AS n FROM kinds ORDER BY id`,
  };

  for (const [name, query] of Object.entries(QUERIES)) {
    it(`gives Prisma's rows: ${name}`, async () => {
      const expected = await prisma.$queryRaw(query);
      expect(await readers.query(query)).toStrictEqual(expected);
    });
  }

  it('answers a large result in pieces, in order', async () => {
    const query = sql`WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 30000)
      SELECT x, 'row ' || x AS label, x * 0.5 AS half FROM n`;
    const rows = await readers.query<{ x: bigint }[]>(query);
    expect(rows).toStrictEqual(await prisma.$queryRaw(query));
    expect(rows).toHaveLength(30000);
  });

  it('reports a busy database as the adapter does, so that it answers 503', () => {
    const busy = { message: 'database is locked', code: 'SQLITE_BUSY', kind: 'SocketTimeout' };
    expect(isDatabaseUnavailable(new SqliteThreadError(busy))).toBe(true);
    const syntax = { message: 'near "x": syntax error', code: 'SQLITE_ERROR', kind: 'sqlite' };
    expect(isDatabaseUnavailable(new SqliteThreadError(syntax))).toBe(false);
  });

  it('refuses to write, and reports an SQL error with its SQLite code', async () => {
    await expect(readers.query(sql`DELETE FROM kinds`)).rejects.toMatchObject({ code: 'SQLITE_READONLY' });
    await expect(readers.query(sql`SELECT nope FROM kinds`)).rejects.toMatchObject({ code: 'SQLITE_ERROR' });
    expect(await readers.query(sql`SELECT count(*) AS c FROM kinds`)).toStrictEqual([{ c: 4n }]);
  });
});

describe('the writer thread and the main connection', () => {
  let dir: string;
  let prisma: PrismaClient;
  let readers: SqliteReaders;
  let writer: SqliteWriter;
  const count = async () =>
    Number((await readers.query<{ n: bigint }[]>(sql`SELECT count(*) AS n FROM notes`))[0]!.n);
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'gridwatch-writer-'));
    const file = path.join(dir, 'writer.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)');
    db.close();
    const lock = new WriteLock();
    prisma = new PrismaClient({
      adapter: withWriteLock(new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 5000 }), lock),
    });
    await prisma.$connect();
    readers = new SqliteReaders(file, 1);
    writer = new SqliteWriter(file, lock);
  });
  afterAll(async () => {
    await writer?.close();
    await readers?.close();
    await prisma?.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a main-connection write waiting, not the event loop, until its transaction commits', async () => {
    const order: string[] = [];
    let mainWrite: Promise<unknown> | undefined;
    await writer.transaction(async (tx) => {
      await tx.$executeRaw(sql`INSERT INTO notes (text) VALUES (${'import'})`);
      // The transaction's own reads see its rows; the readers and the main connection do not yet.
      expect(await tx.$queryRaw(sql`SELECT text FROM notes`)).toEqual([{ text: 'import' }]);
      expect(await count()).toBe(0);
      mainWrite = prisma
        .$executeRaw(sql`INSERT INTO notes (text) VALUES (${'main'})`)
        .then(() => order.push('main write'));
      // The loop goes on while the main write waits for the lock (in SQLite's busy handler it would sleep).
      await new Promise((resolve) => setTimeout(resolve, 50));
      order.push('timer');
      await tx.$executeRaw(sql`INSERT INTO notes (text) VALUES (${'import 2'})`);
      order.push('import done');
    });
    await mainWrite;
    expect(order).toEqual(['timer', 'import done', 'main write']);
    expect(await count()).toBe(3);
  });

  it('waits for an open main-connection transaction before it begins', async () => {
    const order: string[] = [];
    let started!: () => void;
    const open = new Promise<void>((resolve) => (started = resolve));
    const main = prisma.$transaction(async (tx) => {
      await tx.$executeRaw(sql`INSERT INTO notes (text) VALUES (${'main tx'})`);
      started();
      await new Promise((resolve) => setTimeout(resolve, 50));
      order.push('main commits');
    });
    await open;
    await writer.transaction(async (tx) => {
      order.push('import begins');
      await tx.$executeRaw(sql`INSERT INTO notes (text) VALUES (${'import after'})`);
    });
    await main;
    expect(order).toEqual(['main commits', 'import begins']);
  });

  it('rolls back on an error, and after its timeout', async () => {
    const before = await count();
    await expect(
      writer.transaction(async (tx) => {
        await tx.$executeRaw(sql`INSERT INTO notes (text) VALUES (${'lost'})`);
        await tx.$executeRaw(sql`INSERT INTO notes (text) VALUES (${'lost'})`);
      }),
    ).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    await expect(
      writer.transaction(
        async (tx) => {
          await tx.$executeRaw(sql`INSERT INTO notes (text) VALUES (${'late'})`);
          await new Promise((resolve) => setTimeout(resolve, 60));
          await tx.$executeRaw(sql`INSERT INTO notes (text) VALUES (${'later'})`);
        },
        { timeout: 20 },
      ),
    ).rejects.toThrow(/timeout/);
    expect(await count()).toBe(before);
    // The lock is free again: the main connection writes at once.
    await prisma.$executeRaw(sql`INSERT INTO notes (text) VALUES (${'free'})`);
    expect(await count()).toBe(before + 1);
  });
});
