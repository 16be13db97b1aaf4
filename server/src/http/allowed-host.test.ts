import { describe, expect, it } from 'vitest';
import { isAllowedHost, isSameOrigin } from './allowed-host';

const PUBLIC = [new URL('https://gridwatch.example.org'), new URL('http://gw.internal:8080')];

describe('isAllowedHost', () => {
  it.each([
    'localhost',
    'localhost:3000',
    '127.0.0.1:3000',
    '[::1]:3000',
    '10.1.2.3',
    'gridwatch.example.org',
    'gridwatch.example.org:443',
    'gw.internal:8080',
  ])('allows %s', (host) => expect(isAllowedHost(host, PUBLIC)).toBe(true));
  it.each([
    undefined,
    '',
    'evil.example',
    'evil.example:3000',
    'gw.internal',
    'gridwatch.example.org.evil.example',
    'a b',
  ])('refuses %s', (host) => expect(isAllowedHost(host, PUBLIC)).toBe(false));
  it('allows only loopback and IP literals when no public origin is configured', () => {
    expect(isAllowedHost('gridwatch.example.org', [])).toBe(false);
    expect(isAllowedHost('127.0.0.1:3100', [])).toBe(true);
  });
});

describe('isSameOrigin', () => {
  it('compares host and port, default ports elided', () => {
    expect(isSameOrigin('http://localhost', 'localhost:80')).toBe(true);
    expect(isSameOrigin('https://gridwatch.example.org', 'gridwatch.example.org')).toBe(true);
    expect(isSameOrigin('http://127.0.0.1:3100', '127.0.0.1:3100')).toBe(true);
    expect(isSameOrigin('http://127.0.0.1:3101', '127.0.0.1:3100')).toBe(false);
    expect(isSameOrigin('http://evil.example', 'evil.example.org')).toBe(false);
    expect(isSameOrigin('null', 'localhost')).toBe(false);
    expect(isSameOrigin('file://x', 'x')).toBe(false);
  });
});
