import { afterAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/test-app';

describe('GET /api/map-config', () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const t of apps) await t.close();
  });

  it('offers no online basemap unless one is configured', async () => {
    const t = await makeTestApp(null);
    apps.push(t);
    const res = await t.app.inject({ method: 'GET', url: '/api/map-config' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ onlineBasemap: null, pmtilesBasemap: null });
  });

  it('gives the configured template and its credit', async () => {
    const t = await makeTestApp(null, 'sqlite', {
      env: {
        GRIDWATCH_BASEMAP_URL: 'https://tiles.example.org/{z}/{x}/{y}.png',
        GRIDWATCH_BASEMAP_ATTRIBUTION: '© Example',
      },
    });
    apps.push(t);
    const res = await t.app.inject({ method: 'GET', url: '/api/map-config' });
    expect(res.json()).toEqual({
      onlineBasemap: { tiles: 'https://tiles.example.org/{z}/{x}/{y}.png', attribution: '© Example' },
      pmtilesBasemap: null,
    });
  });
});
