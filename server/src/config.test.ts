import { describe, expect, it } from 'vitest';
import { ConfigError, parseOnlineBasemap, parseSqliteReaders } from './config';

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
