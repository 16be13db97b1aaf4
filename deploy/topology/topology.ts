import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROLES } from '@gridwatch/contract';
import { generateSeed } from '@gridwatch/geodata';
import { hashPassword } from '../../server/src/auth/password';
import { openStore } from '../../server/src/store/open-store';
import { chownPostgres, PostgresServer } from './postgres';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The passwords of the topology's users, one per role (a loopback test bed, not a deployment). */
export const topologyPassword = (role: string) => `${role}-topology-password-17`;

export interface TopologyOptions {
  /** A folder of its own: the clusters, pgbouncer's and nginx's files and every log. */
  dir: string;
  /** The first of six ports on 127.0.0.1: primary, replica, pgbouncer, app A, app B, nginx. */
  basePort: number;
  /** Sites in the generated seed. */
  sites: number;
  /** GRIDWATCH_REPLICA_MAX_LAG_MS of the app instances. */
  maxLagMs?: number;
}

/**
 * What down.ts needs to stop a topology left running (by up.ts, or check.ts --keep): `state.json` in its folder,
 * written again whenever an app starts, so that a restarted app's pid is the one down.ts kills.
 */
export interface TopologyState {
  dir: string;
  nginxUrl: string;
  ports: Ports;
  appPids: (number | null)[];
}

interface Ports {
  primary: number;
  replica: number;
  pgbouncer: number;
  apps: [number, number];
  nginx: number;
}

/**
 * The horizontally scaled PostGIS deployment on one machine, with the real engines on loopback (docs/scaling.md):
 * a PostgreSQL primary and its streaming replica, pgbouncer in transaction mode in front of them, two app
 * instances (server/src/main.ts) and nginx as load balancer and tile cache in front of those.
 */
export class Topology {
  readonly ports: Ports;
  readonly nginxUrl: string;
  readonly apps: (ChildProcess | null)[] = [null, null];
  primary!: PostgresServer;
  replica!: PostgresServer;

  constructor(private readonly options: TopologyOptions) {
    const p = options.basePort;
    this.ports = { primary: p, replica: p + 1, pgbouncer: p + 2, apps: [p + 3, p + 4], nginx: p + 5 };
    this.nginxUrl = `http://127.0.0.1:${this.ports.nginx}`;
  }

  private file(name: string): string {
    return path.join(this.options.dir, name);
  }

  /** Starts everything, in dependency order; on a failure stops what it started. */
  async start(log: (line: string) => void = () => {}): Promise<void> {
    mkdirSync(this.options.dir, { recursive: true });
    chmodSync(this.options.dir, 0o755);
    try {
      log(`primary on :${this.ports.primary}`);
      this.primary = PostgresServer.primary(this.ports.primary, this.file('primary'));
      log(`seed: ${this.options.sites} sites, users ${ROLES.join(', ')}`);
      await this.seed();
      log(`replica on :${this.ports.replica} (pg_basebackup -R)`);
      this.replica = PostgresServer.replicaOf(this.primary, this.ports.replica, this.file('replica'));
      log(`pgbouncer (transaction mode) on :${this.ports.pgbouncer}`);
      this.startPgbouncer();
      log(`apps A and B on :${this.ports.apps.join(' and :')}`);
      await Promise.all([this.startApp(0), this.startApp(1)]);
      log(`nginx on :${this.ports.nginx}`);
      this.startNginx();
      await waitFor(`${this.nginxUrl}/api/health`, 30_000);
    } catch (error) {
      this.stop();
      throw error;
    }
  }

  /** Migrates and seeds the primary directly (not through pgbouncer), and creates a user per role. */
  private async seed(): Promise<void> {
    const store = await openStore(
      { kind: 'postgis', url: this.primary.url },
      { seed: () => generateSeed({ sites: this.options.sites }) },
    );
    try {
      for (const role of ROLES) {
        const passwordHash = await hashPassword(topologyPassword(role));
        await store.users.create({ username: role, role, passwordHash }, 'topology');
      }
    } finally {
      await store.close();
    }
  }

  private startPgbouncer(): void {
    const dir = this.file('pgbouncer');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'userlist.txt'), '"postgres" ""\n');
    writeFileSync(
      path.join(dir, 'pgbouncer.ini'),
      [
        '[databases]',
        `gridwatch = host=127.0.0.1 port=${this.ports.primary} dbname=postgres`,
        '[pgbouncer]',
        'listen_addr = 127.0.0.1',
        `listen_port = ${this.ports.pgbouncer}`,
        'unix_socket_dir =',
        'auth_type = trust',
        `auth_file = ${dir}/userlist.txt`,
        'pool_mode = transaction',
        'max_client_conn = 400',
        'default_pool_size = 20',
        // node-postgres sends extra_float_digits; the app's `options` (jit, parallel workers) are set on the
        // server instead (postgres.ts), since pgbouncer cannot pass them per connection.
        'ignore_startup_parameters = extra_float_digits,options',
        'server_connect_timeout = 2',
        'query_wait_timeout = 10',
        `logfile = ${dir}/pgbouncer.log`,
        `pidfile = ${dir}/pgbouncer.pid`,
      ].join('\n') + '\n',
    );
    // pgbouncer refuses to run as root.
    if (userInfo().uid === 0) {
      chownPostgres(dir);
      for (const f of ['userlist.txt', 'pgbouncer.ini']) chownPostgres(path.join(dir, f));
      runOrThrow('runuser', ['-u', 'postgres', '--', 'pgbouncer', '-d', `${dir}/pgbouncer.ini`]);
    } else runOrThrow('pgbouncer', ['-d', `${dir}/pgbouncer.ini`]);
  }

  /** App instance i (0: A, 1: B): one node process (no tsx wrapper, so a SIGKILL kills the server itself). */
  async startApp(i: number): Promise<void> {
    const out = openSync(this.file(`app-${'AB'[i]}.log`), 'a');
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: REPO_ROOT,
      detached: true,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(this.ports.apps[i]),
        HOST: '127.0.0.1',
        DATABASE_URL: `postgresql://postgres@127.0.0.1:${this.ports.pgbouncer}/gridwatch`,
        DATABASE_REPLICA_URL: this.replica.url,
        GRIDWATCH_REPLICA_MAX_LAG_MS: String(this.options.maxLagMs ?? 5000),
        GRIDWATCH_SEED: 'none',
        GRIDWATCH_PUBLIC_READ: 'true',
        GRIDWATCH_TRUST_PROXY: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
    });
    child.unref();
    this.apps[i] = child;
    writeFileSync(this.file('state.json'), JSON.stringify(this.state(), null, 2));
    try {
      // A minute was once too short for app B on a loaded two-core machine (CI, right after the browser tests),
      // and why was lost with the folder: the error now carries the app's log.
      await waitFor(`http://127.0.0.1:${this.ports.apps[i]}/api/health`, 120_000);
    } catch (error) {
      // The app's own words say why it did not come up; the folder is removed after the run.
      const log = this.appLogTail(i, 30);
      throw new Error(
        `${String(error)}\napp ${'AB'[i]} (exit ${child.exitCode ?? 'none yet'}), its log's end:\n${log}`,
      );
    }
  }

  /** The last lines of app instance i's log (warnings and errors: the apps run at LOG_LEVEL=warn). */
  appLogTail(i: number, lines: number): string {
    return readFileSync(this.file(`app-${'AB'[i]}.log`), 'utf8')
      .split('\n')
      .slice(-lines)
      .join('\n');
  }

  /** SIGKILL: no graceful close, as a crash or an OOM kill would leave it. */
  killApp(i: number): void {
    this.apps[i]?.kill('SIGKILL');
    this.apps[i] = null;
  }

  private startNginx(): void {
    const dir = this.file('nginx');
    mkdirSync(path.join(dir, 'cache'), { recursive: true });
    mkdirSync(path.join(dir, 'temp'), { recursive: true });
    // nginx's workers run as nobody when the master is root.
    chmodSync(path.join(dir, 'cache'), 0o777);
    chmodSync(path.join(dir, 'temp'), 0o777);
    const config = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'nginx.conf'), 'utf8')
      .replaceAll('{{dir}}', dir)
      .replaceAll('{{port}}', String(this.ports.nginx))
      .replaceAll('{{appA}}', String(this.ports.apps[0]))
      .replaceAll('{{appB}}', String(this.ports.apps[1]));
    writeFileSync(path.join(dir, 'nginx.conf'), config);
    runOrThrow('nginx', ['-c', path.join(dir, 'nginx.conf'), '-p', dir]);
  }

  state(): TopologyState {
    return {
      dir: this.options.dir,
      nginxUrl: this.nginxUrl,
      ports: this.ports,
      appPids: this.apps.map((app) => app?.pid ?? null),
    };
  }

  /** Stops everything it started, whatever state each part is in. */
  stop(): void {
    for (const i of [0, 1]) this.apps[i]?.kill('SIGTERM');
    stopTopologyFiles(this.options.dir, []);
  }
}

/** Stops the parts of a topology by their pid files and folders (down.ts, and Topology.stop). */
export function stopTopologyFiles(dir: string, appPids: (number | null)[]): void {
  for (const pid of appPids) {
    if (pid !== null) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
  spawnSync(
    'nginx',
    ['-c', path.join(dir, 'nginx/nginx.conf'), '-p', path.join(dir, 'nginx'), '-s', 'stop'],
    {
      stdio: 'ignore',
    },
  );
  try {
    const pid = Number(readFileSync(path.join(dir, 'pgbouncer/pgbouncer.pid'), 'utf8').trim());
    if (pid > 0) process.kill(pid, 'SIGTERM');
  } catch {
    // not started
  }
  for (const name of ['replica', 'primary']) PostgresServer.stopFolder(path.join(dir, name));
}

function runOrThrow(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.stdout || result.error}`);
  }
}

/** Polls a URL until it answers 200. */
export async function waitFor(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`${url} did not answer within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
