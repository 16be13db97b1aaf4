/**
 * GRIDWATCH_WORKERS on PostGIS: real processes (the primary and its node:cluster workers) on one real database.
 * The primary prepares the database once; the workers share the port; a worker killed with SIGKILL is replaced
 * and the service keeps answering; a login made on one worker holds on the others; SIGTERM stops them all.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config';
import { freePort } from '../free-port';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../throwaway-postgres';

const PASSWORD = 'workers-test-Admin-7431';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The primary's children: its workers, found by the kernel's parent link. */
function workerPids(primary: number): number[] {
  try {
    const out = execFileSync('pgrep', ['-P', String(primary)], { encoding: 'utf8' });
    return out.trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function until<T>(what: string, probe: () => Promise<T | null> | T | null, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      const value = await probe();
      if (value !== null) return value;
    } catch {
      // not yet
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

describe('GRIDWATCH_WORKERS=2 (postgis)', () => {
  let db: ThrowawayDatabase;
  let primary: ChildProcess;
  let base: string;
  let output = '';

  beforeAll(async () => {
    db = await createThrowawayDatabase();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // node itself, not the tsx wrapper, so the pid is the cluster's primary.
    primary = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        PORT: String(port),
        GRIDWATCH_WORKERS: '2',
        GRIDWATCH_SEED_READINGS: 'none',
        GRIDWATCH_ADMIN_PASSWORD: PASSWORD,
        GRIDWATCH_PUBLIC_ORIGIN: base,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    primary.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    primary.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await until(
      'two workers answering',
      async () => {
        const res = await fetch(`${base}/api/health`);
        return res.ok && workerPids(primary.pid!).length === 2 ? true : null;
      },
      120_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; the server said:\n${output}`);
    });
  }, 150_000);

  afterAll(async () => {
    if (primary.exitCode === null) {
      primary.kill('SIGKILL');
      for (const pid of workerPids(primary.pid!)) process.kill(pid, 'SIGKILL');
    }
    await db?.drop();
  });

  const login = async () => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    return res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  };

  it('prepares the database once and serves from both workers', async () => {
    expect(output).toMatch(/database ready in \d+ ms; starting 2 workers/);
    const cookie = await login();
    // Round-robin spreads these over both workers; every one of them knows the session made on one.
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => fetch(`${base}/api/auth/me`, { headers: { cookie } })),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(12).fill(200));
    const sites = await (await fetch(`${base}/api/layers/sites`, { headers: { cookie } })).json();
    expect(sites.features.length).toBeGreaterThan(0);
  });

  it('replaces a worker killed with SIGKILL and keeps answering', async () => {
    const [victim, survivor] = workerPids(primary.pid!);
    process.kill(victim!, 'SIGKILL');
    // The survivor answers meanwhile. A kept-alive connection to the victim dies with it (ECONNRESET): a client
    // retries an idempotent GET once, as nginx does (docs/scaling.md), and reaches the survivor.
    const health = await fetch(`${base}/api/health`).catch(() => fetch(`${base}/api/health`));
    expect(health.status).toBe(200);
    const pids = await until('a new worker', () => {
      const now = workerPids(primary.pid!);
      return now.length === 2 && !now.includes(victim!) ? now : null;
    });
    expect(pids).toContain(survivor);
    await until('the new worker listening', async () => {
      const all = await Promise.all(Array.from({ length: 6 }, () => fetch(`${base}/api/health`)));
      return all.every((r) => r.ok) ? true : null;
    });
    expect(output).toMatch(/worker \d+ ended \(SIGKILL\); starting another/);
  });

  it('SIGTERM stops the workers and then the primary', async () => {
    const workers = workerPids(primary.pid!);
    const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)));
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  });
});
