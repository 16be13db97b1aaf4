import { randomBytes } from 'node:crypto';
import pg from 'pg';

const DEFAULT_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

const HOW_TO = `The PostGIS tests need PostgreSQL 15 with PostGIS. On Debian, as root:
  apt-get install -y postgresql-15-postgis-3 && pg_ctlcluster --skip-systemctl-redirect 15 main start
or point TEST_DATABASE_URL at a server where the user may CREATE DATABASE and PostGIS is installed.`;

/** The server the PostGIS suite creates its throwaway databases on (TEST_DATABASE_URL, else the local one). */
export function testServerUrl(): string {
  return process.env.TEST_DATABASE_URL || DEFAULT_URL;
}

export interface ThrowawayDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database with PostGIS on the test server; fails loudly (never skips) when it cannot. */
export async function createThrowawayDatabase(): Promise<ThrowawayDatabase> {
  const admin = new pg.Client({ connectionString: testServerUrl() });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`Cannot reach PostgreSQL at ${testServerUrl()}: ${(error as Error).message}\n${HOW_TO}`);
  }
  const name = `gridwatch_test_${randomBytes(6).toString('hex')}`;
  try {
    const { rows } = await admin.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'`);
    if (rows.length === 0) throw new Error(`PostGIS is not installed on ${testServerUrl()}.\n${HOW_TO}`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: testServerUrl() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
