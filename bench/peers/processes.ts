/**
 * Child processes of the bench (our app, lighttpd, wrk): each registered so that a normal end, an error or
 * Ctrl-C stops all of them, by their own pid (never by name).
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { childrenOf } from '../process-cpu';

const running = new Set<ChildProcess>();
const cleanups: (() => Promise<void> | void)[] = [];

/** Runs at the end, in reverse order of registration (the app and lighttpd before the database they read). */
export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}

export async function cleanupAll(): Promise<void> {
  for (const child of running) stopChild(child);
  while (cleanups.length > 0) {
    const fn = cleanups.pop()!;
    try {
      await fn();
    } catch (error) {
      console.error('cleanup:', (error as Error).message);
    }
  }
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`\n${signal}: stopping the processes the bench started`);
    void cleanupAll().finally(() => process.exit(130));
  });
}

/** Signals the child's own process group (its pid): lighttpd's FastCGI mapserv workers are in it. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
}

function stopChild(child: ChildProcess): void {
  signalGroup(child, 'SIGTERM');
  running.delete(child);
}

/** Starts a long-running child; its output goes to the log given (kept for an error message). */
export function startChild(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  // Its own process group: lighttpd signals its whole group when it stops, which must not include the bench.
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...options });
  running.add(child);
  child.on('exit', () => running.delete(child));
  return child;
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return signalGroup(child, 'SIGTERM');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  stopChild(child);
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
  signalGroup(child, 'SIGTERM'); // workers that outlived their parent
}

/** Runs a command to its end (bounded by `timeoutMs`), returning stdout; throws with stderr on failure. */
export function runCommand(command: string, args: string[], timeoutMs = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = startChild(command, args);
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${err.slice(0, 2000)}`));
    });
  });
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Waits until `url` answers (any status below 500), or fails after `timeoutMs` with the child's output. */
export async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited ${child.exitCode}:\n${log}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${log}`);
}

/**
 * The app's processes: its own and, with GRIDWATCH_WORKERS, its cluster's workers. Looked up once, not per sample:
 * a pgrep every 20 ms would load the machine and block the bench's own event loop while it reads the answer.
 */
export function processTree(pid: number): number[] {
  return [pid, ...childrenOf(pid)];
}

/** Resident memory of those processes together, in bytes. */
export function rssOf(pids: readonly number[]): number {
  return pids.reduce((sum, id) => {
    const status = readFileSync(`/proc/${id}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return sum + (kb ? Number(kb) * 1024 : NaN);
  }, 0);
}

/**
 * Our app as its own process, as deployed (production, public read, no seed: the bench seeded the database),
 * with the tile cache off so every request is made by the store: wrk and a browser's cold load would otherwise
 * be answered from memory. `env` adds or overrides settings. node --import tsx, not npx: the pid is the
 * server's own, for its RSS.
 */
export async function startBenchApp(
  root: string,
  databaseUrl: string,
  env: Record<string, string>,
  timeoutMs?: number,
): Promise<{ baseUrl: string; child: ChildProcess }> {
  const port = await freePort();
  const child = startChild(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      GRIDWATCH_SEED: 'none',
      GRIDWATCH_PUBLIC_READ: 'true',
      GRIDWATCH_TILE_CACHE_MB: '0',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      NODE_ENV: 'production',
      ...env,
    },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(`${baseUrl}/api/health`, child, timeoutMs);
  return { baseUrl, child };
}
