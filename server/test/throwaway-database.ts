import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Backend } from '../src/store/store';
import { createThrowawayDatabase } from './throwaway-postgres';

export interface ThrowawayStore {
  /** A DATABASE_URL: an SQLite file in a temporary folder, or a new PostgreSQL database. */
  url: string;
  drop(): Promise<void>;
}

/** An empty database of either backend for a test or a benchmark, removed by `drop`. */
export async function createThrowawayStore(backend: Backend, label = 'test'): Promise<ThrowawayStore> {
  if (backend === 'postgis') return createThrowawayDatabase();
  const dir = mkdtempSync(path.join(tmpdir(), `gridwatch-${label}-`));
  return {
    url: `file:${path.join(dir, `${label}.db`)}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
