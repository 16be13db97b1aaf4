import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import {
  ConfigError,
  parseOnlineBasemap,
  parseSeedReadings,
  parseSqliteReaders,
  parseWorkers,
} from './config';

describe('GRIDWATCH_BASEMAP_URL', () => {
  it('is optional', () => {
    expect(parseOnlineBasemap(undefined, undefined)).toBeNull();
    expect(parseOnlineBasemap('', 'x')).toBeNull();
  });

  it('takes an http(s) XYZ raster template, crediting its host unless told', () => {
    expect(parseOnlineBasemap('https://tiles.example.org/{z}/{x}/{y}.png', undefined)).toEqual({
      tiles: 'https://tiles.example.org/{z}/{x}/{y}.png',
      attribution: 'tiles.example.org',
    });
    expect(parseOnlineBasemap('http://10.0.0.5:8080/t/{z}/{y}/{x}', ' © Tianditu ')).toEqual({
      tiles: 'http://10.0.0.5:8080/t/{z}/{y}/{x}',
      attribution: '© Tianditu',
    });
  });

  it('refuses what is not such a template, saying why', () => {
    expect(() => parseOnlineBasemap('tiles/{z}/{x}/{y}.png', undefined)).toThrow(/not a URL/);
    expect(() => parseOnlineBasemap('ftp://tiles.example.org/{z}/{x}/{y}', undefined)).toThrow(
      /http or https/,
    );
    expect(() => parseOnlineBasemap('https://tiles.example.org/style.json', undefined)).toThrow(
      /lacks \{z\}, \{x\}, \{y\}/,
    );
    expect(() => parseOnlineBasemap('https://t.example.org/{z}/{x}.png', undefined)).toThrow(ConfigError);
  });
});

describe('GRIDWATCH_SQLITE_READERS', () => {
  it('is optional (one reader thread per core), else a count from 1 to 64', () => {
    expect(parseSqliteReaders(undefined)).toBeNull();
    expect(parseSqliteReaders('')).toBeNull();
    expect(parseSqliteReaders('1')).toBe(1);
    expect(parseSqliteReaders('64')).toBe(64);
    for (const bad of ['0', '65', '1.5', '-1', 'two', '0x4'])
      expect(() => parseSqliteReaders(bad), bad).toThrow(ConfigError);
  });
});

describe('GRIDWATCH_WORKERS', () => {
  const postgis = { kind: 'postgis', url: 'postgresql://x@127.0.0.1/db' } as const;
  const sqlite = { kind: 'sqlite', file: '/tmp/x.db' } as const;

  it('is one process unless told, on either store', () => {
    expect(parseWorkers(sqlite, undefined)).toBe(1);
    expect(parseWorkers(postgis, '')).toBe(1);
    expect(parseWorkers(sqlite, '1')).toBe(1);
  });

  it('takes a count or auto (one per core) on PostGIS', () => {
    expect(parseWorkers(postgis, '3')).toBe(3);
    expect(parseWorkers(postgis, 'auto')).toBe(availableParallelism());
  });

  it('refuses more than one on SQLite, and what is not a count, saying why', () => {
    expect(() => parseWorkers(sqlite, '2')).toThrow(/needs a PostgreSQL DATABASE_URL/);
    expect(() => parseWorkers(postgis, '0')).toThrow(/auto or an integer from 1 to 64, got "0"/);
    expect(() => parseWorkers(postgis, 'two')).toThrow(ConfigError);
    expect(() => parseWorkers(postgis, '65')).toThrow(ConfigError);
  });
});

describe('GRIDWATCH_SEED_READINGS', () => {
  it('is the year of readings on SQLite and none on PostGIS unless told, and nothing else', () => {
    expect(parseSeedReadings({ kind: 'sqlite', file: '/tmp/x.db' }, undefined)).toBe(true);
    expect(parseSeedReadings({ kind: 'postgis', url: 'postgresql://x@h/db' }, undefined)).toBe(false);
    expect(parseSeedReadings({ kind: 'postgis', url: 'postgresql://x@h/db' }, 'year')).toBe(true);
    expect(parseSeedReadings({ kind: 'sqlite', file: '/tmp/x.db' }, 'none')).toBe(false);
    expect(() => parseSeedReadings({ kind: 'sqlite', file: '/tmp/x.db' }, 'month')).toThrow(/year or none/);
  });
});
