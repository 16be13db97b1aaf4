import { defineConfig } from '@playwright/test';
import { USERS } from './e2e/support/users';

// E2E_PORT_BASE moves both servers, so that two checkouts on one machine can run the suite at once.
const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 3100);
const SQLITE_PORT = PORT_BASE;
const POSTGIS_PORT = PORT_BASE + 2;
/** The offline work's server (e2e/offline.spec.ts): SQLite with the tests' own PMTiles basemap. */
const OFFLINE_PORT = PORT_BASE + 4;
const OFFLINE_ARCHIVE = `data/e2e-${OFFLINE_PORT}-basemap.pmtiles`;
/**
 * The readings' server (e2e/readings.spec.ts): SQLite with the demo seed's year of hourly readings, which the
 * other servers go without (their start stays short; the readings change what unexplained load reads).
 */
const READINGS_PORT = PORT_BASE + 6;
const origin = (port: number) => `http://127.0.0.1:${port}`;

/**
 * The online basemap the SQLite server offers: a host that never resolves (.invalid), whose tiles the
 * online-basemap test serves itself through page.route, so nothing leaves the machine.
 */
export const ONLINE_BASEMAP = 'http://tiles.gridwatch.invalid/{z}/{x}/{y}.png';

/** The first user's password on the throwaway databases. */
const ADMIN_PASSWORD = USERS.admin.password;

/**
 * End-to-end tests against the built client and real servers on throwaway databases: the whole suite on
 * SQLite, and the tests tagged @smoke on PostgreSQL + PostGIS. The servers run as deployed by default: reading
 * needs a session. The global setup adds an enforcer and a viewer beside the admin, and every test logs in
 * (e2e/support/fixtures.ts). Chromium is Debian's: Playwright's own browser download cannot work without the
 * internet (STACK.md).
 */
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1400, height: 900 },
    // The PWA's service worker would precache the app at install, and page.route does not see what it fetches:
    // the suite runs without it, but for the offline project (docs/offline.md).
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'sqlite',
      testIgnore: /(offline|offline-field-day|readings)\.spec\.ts/,
      use: { baseURL: origin(SQLITE_PORT) },
    },
    {
      name: 'postgis',
      grep: /@smoke/,
      testIgnore: /(offline|offline-field-day|readings)\.spec\.ts/,
      use: { baseURL: origin(POSTGIS_PORT) },
    },
    {
      name: 'offline',
      testMatch: /offline(-field-day)?\.spec\.ts/,
      // The offline open needs the worker (docs/offline.md); this project alone allows it.
      use: { baseURL: origin(OFFLINE_PORT), serviceWorkers: 'allow' },
    },
    {
      name: 'readings',
      testMatch: /readings\.spec\.ts/,
      use: { baseURL: origin(READINGS_PORT) },
    },
  ],
  webServer: [
    {
      command: `rm -f data/e2e-${SQLITE_PORT}.db* && GRIDWATCH_SEED=demo GRIDWATCH_SEED_READINGS=none GRIDWATCH_ADMIN_PASSWORD=${ADMIN_PASSWORD} DATABASE_URL=file:./data/e2e-${SQLITE_PORT}.db PORT=${SQLITE_PORT} GRIDWATCH_BASEMAP_URL='${ONLINE_BASEMAP}' npx tsx server/src/main.ts`,
      url: `${origin(SQLITE_PORT)}/api/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command:
        `rm -f data/e2e-${OFFLINE_PORT}.db* && npx tsx server/test/pmtiles/write-archive.ts ${OFFLINE_ARCHIVE} && ` +
        `GRIDWATCH_SEED=demo GRIDWATCH_SEED_READINGS=none GRIDWATCH_ADMIN_PASSWORD=${ADMIN_PASSWORD} DATABASE_URL=file:./data/e2e-${OFFLINE_PORT}.db ` +
        `PORT=${OFFLINE_PORT} GRIDWATCH_BASEMAP_PMTILES=${OFFLINE_ARCHIVE} npx tsx server/src/main.ts`,
      url: `${origin(OFFLINE_PORT)}/api/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command:
        `rm -f data/e2e-${READINGS_PORT}.db* && GRIDWATCH_SEED=demo GRIDWATCH_SEED_READINGS=year ` +
        `GRIDWATCH_ADMIN_PASSWORD=${ADMIN_PASSWORD} DATABASE_URL=file:./data/e2e-${READINGS_PORT}.db ` +
        `PORT=${READINGS_PORT} npx tsx server/src/main.ts`,
      url: `${origin(READINGS_PORT)}/api/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `GRIDWATCH_ADMIN_PASSWORD=${ADMIN_PASSWORD} PORT=${POSTGIS_PORT} npx tsx e2e/start-postgis-server.ts`,
      url: `${origin(POSTGIS_PORT)}/api/health`,
      reuseExistingServer: false,
      timeout: 300_000,
      // A signal, not the default SIGKILL, so that the script drops its throwaway database.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
