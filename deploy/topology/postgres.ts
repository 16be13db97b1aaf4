import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { POSTGRES_MALLOC_ENV } from './postgres-malloc';

/** Debian's postgresql-15 binaries (.ci/run installs them). */
const BIN = '/usr/lib/postgresql/15/bin';

/**
 * A PostgreSQL server of the topology's own in a folder of its own, on 127.0.0.1 only: the primary (initdb) or a
 * streaming replica of it (pg_basebackup -R). PostgreSQL refuses to run as root, so as root every command runs
 * as the `postgres` user that Debian's package creates, and the folder is theirs.
 */
export class PostgresServer {
  readonly url: string;
  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {
    this.url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  }

  /** A new primary: trust on loopback (a test machine), WAL for replicas, fsync off (throwaway data). */
  static primary(port: number, dir: string): PostgresServer {
    const server = new PostgresServer(port, ownedFolder(dir));
    run('initdb', ['-D', server.dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    writeFileSync(
      path.join(server.dir, 'postgresql.auto.conf'),
      [
        "listen_addresses = '127.0.0.1'",
        `port = ${port}`,
        `unix_socket_directories = '${server.dir}'`,
        'fsync = off',
        'wal_level = replica',
        'max_wal_senders = 5',
        'max_connections = 100',
        'hot_standby_feedback = on',
        // What the app's pool asks per connection (postgis-store.ts), which pgbouncer cannot pass on.
        'jit = off',
        'max_parallel_workers_per_gather = 0',
      ].join('\n') + '\n',
    );
    server.start();
    return server;
  }

  /** A streaming replica of `primary`: pg_basebackup -R writes standby.signal and primary_conninfo. */
  static replicaOf(primary: PostgresServer, port: number, dir: string): PostgresServer {
    const server = new PostgresServer(port, ownedFolder(dir));
    run('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primary.port),
      '-U',
      'postgres',
      '-D',
      server.dir,
      '-R',
      '-X',
      'stream',
      // A spread checkpoint would wait minutes for a primary that just loaded its data.
      '--checkpoint=fast',
    ]);
    // The copy holds the primary's settings: its own port and socket folder.
    execFileSync('sh', [
      '-c',
      `printf "port = ${port}\\nunix_socket_directories = '${server.dir}'\\n" >> ${server.dir}/postgresql.auto.conf`,
    ]);
    if (userInfo().uid === 0) chownPostgres(path.join(server.dir, 'postgresql.auto.conf'));
    server.start();
    return server;
  }

  /** Started with glibc's malloc set as a deployment should set it (postgres-malloc.ts). */
  start(): void {
    run('pg_ctl', ['-D', this.dir, '-l', path.join(this.dir, 'log'), '-w', '-t', '60', 'start'], {
      ...process.env,
      ...POSTGRES_MALLOC_ENV,
    });
  }

  /** A fast shutdown (the clients are cut); quiet when it is not running. */
  stop(): void {
    PostgresServer.stopFolder(this.dir);
  }

  static stopFolder(dir: string): void {
    const args = ['-D', dir, '-w', '-m', 'fast', 'stop'];
    const command = path.join(BIN, 'pg_ctl');
    if (userInfo().uid === 0)
      spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'ignore' });
    else spawnSync(command, args, { stdio: 'ignore' });
  }
}

function ownedFolder(dir: string): string {
  mkdirSync(dir, { recursive: true });
  // The postgres user must reach it through its parent (a mkdtemp folder is root's alone).
  if (userInfo().uid === 0) chmodSync(path.dirname(dir), 0o755);
  chmodSync(dir, 0o700);
  if (userInfo().uid === 0) chownPostgres(dir);
  return dir;
}

function run(program: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const command = path.join(BIN, program);
  if (userInfo().uid === 0)
    execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe', env });
  else execFileSync(command, args, { stdio: 'pipe', env });
}

export function chownPostgres(file: string): void {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(file, id('-u'), id('-g'));
}
