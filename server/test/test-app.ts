import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { SeedData } from '@gridwatch/contract';
import { buildApp } from '../src/app';
import { hashPassword } from '../src/auth/password';
import { SESSION_COOKIE } from '../src/auth/session-token';
import { ROLES, type Role } from '@gridwatch/contract';
import { loadConfig } from '../src/config';
import { openStore } from '../src/store/open-store';
import type { Backend, Store } from '../src/store/store';
import { createThrowawayStore } from './throwaway-database';

/** Both stores: every API and conformance test runs against each. */
export const BACKENDS: Backend[] = ['sqlite', 'postgis'];

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  /** The throwaway database's DATABASE_URL. */
  databaseUrl: string;
  /** Logs in as the test user of that role (through the real login route) and returns the Cookie header. */
  login(role: Role): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** GRIDWATCH_PUBLIC_READ: on by default so read tests need no login; auth tests switch it off. */
  publicRead?: boolean;
  /** More of the environment the app is configured from. */
  env?: Record<string, string>;
}

export const testPassword = (role: Role) => `${role}-password-for-tests`;

/**
 * Browsers send `Origin` on every POST/PATCH/DELETE, and the server refuses a cookie-carrying write without one
 * (docs/security.md): inject() answers as a browser would unless a test sets `origin` itself. The refusal is
 * tested over a real socket in server/test/hardening/cross-site.test.ts.
 */
function sendOriginLikeABrowser(app: FastifyInstance): void {
  const inject = app.inject.bind(app) as (options: InjectOptions) => Promise<LightMyRequestResponse>;
  const withOrigin = (options: InjectOptions | string) => {
    const asked = typeof options === 'string' ? { url: options } : options;
    return inject({ ...asked, headers: { origin: 'http://localhost:80', ...(asked.headers ?? {}) } });
  };
  Object.assign(app, { inject: withOrigin });
}

/** A real app on a real, throwaway database (an SQLite file or a PostgreSQL database), seeded with the data. */
export async function makeTestApp(
  seed: SeedData | null,
  backend: Backend = 'sqlite',
  { publicRead = true, env = {} }: TestAppOptions = {},
): Promise<TestApp> {
  const database = await createThrowawayStore(backend);
  const config = loadConfig({
    DATABASE_URL: database.url,
    GRIDWATCH_SEED: 'none',
    LOG_LEVEL: 'silent',
    GRIDWATCH_PUBLIC_READ: String(publicRead),
    ...env,
  });
  const store = await openStore(config.store, {
    ...(seed ? { seed: () => seed } : {}),
    sqliteReaders: config.sqliteReaders,
  });
  for (const role of ROLES) {
    await store.users.create(
      { username: role, role, passwordHash: await hashPassword(testPassword(role)) },
      'test',
    );
  }
  // Every answer of every test is checked against its route's response schema.
  const app = await buildApp({ config, store, serveStatic: false, checkResponses: true });
  await app.ready();
  sendOriginLikeABrowser(app);
  return {
    app,
    store,
    databaseUrl: database.url,
    async login(role) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: role, password: testPassword(role) },
      });
      if (res.statusCode !== 200) throw new Error(`login as ${role} failed: ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
      if (!cookie) throw new Error('login set no session cookie');
      return `${cookie.name}=${cookie.value}`;
    },
    async close() {
      await app.close();
      await store.close();
      await database.drop();
    },
  };
}
