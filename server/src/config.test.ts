import { describe, expect, it } from 'vitest';
import { ConfigError, parseOnlineBasemap } from './config';

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
