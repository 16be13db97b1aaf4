/**
 * Starts the real server on a throwaway PostgreSQL + PostGIS database for the @smoke project of
 * playwright.config.ts, and drops the database when told to stop (SIGTERM, SIGINT) or when the server exits.
 */
import { spawn } from 'node:child_process';
import { createThrowawayDatabase } from '../server/test/throwaway-postgres';

const database = await createThrowawayDatabase();
// Its own process group, so that it gets exactly one stop signal (forwarded below): a second SIGTERM would kill
// it before it has closed its connections.
const server = spawn('npx', ['tsx', 'server/src/main.ts'], {
  stdio: 'inherit',
  detached: true,
  env: {
    ...process.env,
    DATABASE_URL: database.url,
    GRIDWATCH_SEED: 'demo',
    PORT: process.env.PORT ?? '3102',
  },
});

let dropped: Promise<void> | null = null;
const drop = () => {
  dropped ??= database
    .drop()
    .catch((error: unknown) => console.error('could not drop the e2e database:', error));
  return dropped;
};

server.on('exit', (code, signal) => {
  void drop().then(() => process.exit(code ?? (signal ? 1 : 0)));
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (server.pid === undefined) void drop().then(() => process.exit(1));
    // The whole group: npx and the server it runs. The database is dropped once they have exited (above).
    else process.kill(-server.pid, signal);
  });
}
