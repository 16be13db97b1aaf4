/** Environment → typed, validated configuration. The only module that reads process.env (design/README.md). */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OnlineBasemap } from '@gridwatch/contract';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type StoreUrl = { kind: 'sqlite'; file: string } | { kind: 'postgis'; url: string };

export interface Config {
  port: number;
  host: string;
  store: StoreUrl;
  seed: 'demo' | 'none';
  /** Whether the demo seed brings its year of hourly readings (GRIDWATCH_SEED_READINGS). */
  seedReadings: boolean;
  adminPassword: string | null;
  publicRead: boolean;
  /** An online raster basemap the map may show under its data (an option: the offline basemap is always there). */
  onlineBasemap: OnlineBasemap | null;
  /** A local PMTiles archive in Protomaps' basemap schema, served as tiles (docs/basemap.md); null: none. */
  basemapPmtiles: string | null;
  logLevel: string;
  /** Fastify's trustProxy: which proxies' X-Forwarded-* headers are believed (the client address, https). */
  trustProxy: boolean | number | string[];
  /** Origins the app is reached at (scheme://host[:port]); requests for any other Host are refused. */
  publicOrigins: URL[];
  /** SQLite only: threads that run the reads, each with its own connection (null: one per core). */
  sqliteReaders: number | null;
  /** PostGIS only: a streaming replica that serves the read routes (docs/scaling.md), or null. */
  replica: { url: string; maxLagMs: number } | null;
  /** PostGIS only: app processes on one port (node:cluster), each a stateless instance (docs/scaling.md). */
  workers: number;
  /** Bytes of drawn tiles each process keeps, keyed by ETag (services/tile-cache.ts); 0: none. */
  tileCacheBytes: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

export function parseStoreUrl(url: string): StoreUrl {
  if (url.startsWith('file:')) {
    const file = url.slice('file:'.length);
    if (!file) throw new ConfigError('DATABASE_URL "file:" needs a path, e.g. file:./data/gridwatch.db');
    // A relative path is from the repository root, wherever the process was started.
    return { kind: 'sqlite', file: file === ':memory:' ? file : path.resolve(REPO_ROOT, file) };
  }
  if (url.startsWith('postgresql://') || url.startsWith('postgres://')) return { kind: 'postgis', url };
  throw new ConfigError(`DATABASE_URL must start with file: or postgresql://, got "${url.slice(0, 40)}"`);
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be an integer from 0 to 65535, got "${value}"`);
  }
  return port;
}

function parseBoolean(name: string, value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

/** GRIDWATCH_BASEMAP_URL: an http(s) XYZ raster template with {z}, {x} and {y}; the refusal says what is wrong. */
export function parseOnlineBasemap(
  url: string | undefined,
  attribution: string | undefined,
): OnlineBasemap | null {
  if (url === undefined || url === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(url.replace(/\{[a-z]\}/g, '0'));
  } catch {
    throw new ConfigError(`GRIDWATCH_BASEMAP_URL is not a URL: "${url.slice(0, 80)}"`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new ConfigError(`GRIDWATCH_BASEMAP_URL must be http or https, got ${parsed.protocol}`);
  }
  const missing = ['{z}', '{x}', '{y}'].filter((part) => !url.includes(part));
  if (missing.length > 0) {
    throw new ConfigError(
      `GRIDWATCH_BASEMAP_URL must be a raster tile template with {z}, {x} and {y}; it lacks ${missing.join(', ')}`,
    );
  }
  return { tiles: url, attribution: attribution?.trim() || parsed.host };
}

/**
 * GRIDWATCH_TRUST_PROXY: `false` (default: the socket's address is the client), `true` (any proxy: only behind one
 * that cannot be bypassed), a hop count, or a comma list of proxy addresses/CIDRs (e.g. `127.0.0.1,10.0.0.0/8`).
 */
export function parseTrustProxy(value: string | undefined): boolean | number | string[] {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  const list = value.split(',').map((part) => part.trim());
  const bad = list.find((part) => !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(part));
  if (bad !== undefined) {
    throw new ConfigError(
      `GRIDWATCH_TRUST_PROXY must be true, false, a hop count or addresses/CIDRs separated by commas; "${bad}" is none`,
    );
  }
  return list;
}

/** GRIDWATCH_SQLITE_READERS: how many reader threads the SQLite store runs (docs/storage.md); unset: one per core. */
export function parseSqliteReaders(value: string | undefined): number | null {
  if (value === undefined || value === '') return null;
  const readers = Number(value);
  if (!/^\d+$/.test(value) || readers < 1 || readers > 64) {
    throw new ConfigError(`GRIDWATCH_SQLITE_READERS must be an integer from 1 to 64, got "${value}"`);
  }
  return readers;
}

/** GRIDWATCH_PUBLIC_ORIGIN: comma-separated origins such as `https://gridwatch.example.org`. */
export function parsePublicOrigins(value: string | undefined): URL[] {
  if (value === undefined || value.trim() === '') return [];
  return value.split(',').map((part) => {
    let url: URL;
    try {
      url = new URL(part.trim());
    } catch {
      throw new ConfigError(
        `GRIDWATCH_PUBLIC_ORIGIN must be origins like https://gridwatch.example.org; "${part}" is not`,
      );
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search) {
      throw new ConfigError(`GRIDWATCH_PUBLIC_ORIGIN must be scheme://host[:port] only; "${part}" is not`);
    }
    return url;
  });
}

/**
 * DATABASE_REPLICA_URL (PostGIS only): a streaming replica of DATABASE_URL's database for the read routes;
 * GRIDWATCH_REPLICA_MAX_LAG_MS: how far behind it may be before it is skipped (default 5,000 ms).
 */
export function parseReplica(
  store: StoreUrl,
  url: string | undefined,
  maxLag: string | undefined,
): Config['replica'] {
  if (url === undefined || url === '') return null;
  if (store.kind !== 'postgis') {
    throw new ConfigError('DATABASE_REPLICA_URL needs a PostgreSQL DATABASE_URL: SQLite has no replicas');
  }
  if (!url.startsWith('postgresql://') && !url.startsWith('postgres://')) {
    throw new ConfigError(`DATABASE_REPLICA_URL must start with postgresql://, got "${url.slice(0, 40)}"`);
  }
  const maxLagMs = maxLag === undefined || maxLag === '' ? 5000 : Number(maxLag);
  if (!/^\d*$/.test(maxLag ?? '') || !Number.isInteger(maxLagMs) || maxLagMs < 100 || maxLagMs > 600_000) {
    throw new ConfigError(
      `GRIDWATCH_REPLICA_MAX_LAG_MS must be an integer from 100 to 600000, got "${maxLag}"`,
    );
  }
  return { url, maxLagMs };
}

/**
 * GRIDWATCH_WORKERS: how many app processes share the port (`auto`: one per core; unset: 1). PostGIS only: every
 * state that processes must agree on is in the database there (docs/scaling.md), while the SQLite store keeps
 * one writer connection per process and SQLite allows one writer at a time.
 */
export function parseWorkers(store: StoreUrl, value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  const workers = value === 'auto' ? availableParallelism() : Number(value);
  if (value !== 'auto' && (!/^\d+$/.test(value) || workers < 1 || workers > 64)) {
    throw new ConfigError(`GRIDWATCH_WORKERS must be auto or an integer from 1 to 64, got "${value}"`);
  }
  if (workers > 1 && store.kind !== 'postgis') {
    throw new ConfigError(
      'GRIDWATCH_WORKERS above 1 needs a PostgreSQL DATABASE_URL: SQLite allows one writer, and its store already reads on every core',
    );
  }
  return workers;
}

/** GRIDWATCH_TILE_CACHE_MB: megabytes of drawn tiles kept per process (default 64; 0 turns it off). */
export function parseTileCacheMb(value: string | undefined): number {
  if (value === undefined || value === '') return 64 * 2 ** 20;
  const mb = Number(value);
  if (!/^\d+$/.test(value) || mb > 4096) {
    throw new ConfigError(`GRIDWATCH_TILE_CACHE_MB must be an integer from 0 to 4096, got "${value}"`);
  }
  return mb * 2 ** 20;
}

/**
 * GRIDWATCH_SEED_READINGS: `year` or `none`. The demo's year of hourly readings (2.5M rows) adds ~4 s to the
 * first start on SQLite and ~40–65 s on PostGIS (docs/detection.md, "Seed load time"), so the default is `year`
 * on SQLite (`npm start` shows the mining signatures) and `none` on PostGIS.
 */
export function parseSeedReadings(store: StoreUrl, value: string | undefined): boolean {
  if (value === undefined || value === '') return store.kind === 'sqlite';
  if (value !== 'year' && value !== 'none') {
    throw new ConfigError(`GRIDWATCH_SEED_READINGS must be year or none, got "${value}"`);
  }
  return value === 'year';
}

export function loadConfig(env: Env = process.env): Config {
  const seed = env.GRIDWATCH_SEED ?? 'demo';
  if (seed !== 'demo' && seed !== 'none') {
    throw new ConfigError(`GRIDWATCH_SEED must be demo or none, got "${seed}"`);
  }
  const store = parseStoreUrl(env.DATABASE_URL || 'file:./data/gridwatch.db');
  return {
    port: parsePort(env.PORT),
    host: env.HOST || '127.0.0.1',
    store,
    seed,
    seedReadings: parseSeedReadings(store, env.GRIDWATCH_SEED_READINGS),
    adminPassword: env.GRIDWATCH_ADMIN_PASSWORD || null,
    publicRead: parseBoolean('GRIDWATCH_PUBLIC_READ', env.GRIDWATCH_PUBLIC_READ),
    onlineBasemap: parseOnlineBasemap(env.GRIDWATCH_BASEMAP_URL, env.GRIDWATCH_BASEMAP_ATTRIBUTION),
    basemapPmtiles: env.GRIDWATCH_BASEMAP_PMTILES
      ? path.resolve(REPO_ROOT, env.GRIDWATCH_BASEMAP_PMTILES)
      : null,
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'warn' : 'info'),
    trustProxy: parseTrustProxy(env.GRIDWATCH_TRUST_PROXY),
    publicOrigins: parsePublicOrigins(env.GRIDWATCH_PUBLIC_ORIGIN),
    sqliteReaders: parseSqliteReaders(env.GRIDWATCH_SQLITE_READERS),
    replica: parseReplica(store, env.DATABASE_REPLICA_URL, env.GRIDWATCH_REPLICA_MAX_LAG_MS),
    workers: parseWorkers(store, env.GRIDWATCH_WORKERS),
    tileCacheBytes: parseTileCacheMb(env.GRIDWATCH_TILE_CACHE_MB),
  };
}
