/** A real server on a free port with a viewer's API token: what the GIS-client tests point GDAL and MapLibre at. */
import type { SeedData } from '@gridwatch/contract';
import { hashApiToken, newApiToken } from '../../src/auth/api-token';
import type { Backend } from '../../src/store/store';
import { makeTestApp, type TestApp } from '../test-app';

export interface ServedApp extends TestApp {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** A viewer's API token. */
  token: string;
}

export async function serveWithToken(seed: SeedData, backend: Backend): Promise<ServedApp> {
  const t = await makeTestApp(seed, backend, { publicRead: false });
  const origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const token = newApiToken();
  const viewer = (await t.store.users.findByName('viewer'))!;
  await t.store.apiTokens.create(
    { tokenHash: hashApiToken(token), name: 'gdal', userId: viewer.id, expiresAt: null },
    'test',
  );
  return { ...t, origin, token };
}
