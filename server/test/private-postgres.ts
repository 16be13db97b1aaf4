import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

const BIN = '/usr/lib/postgresql/15/bin';

/**
 * A PostgreSQL cluster of the test's own, in a temporary folder on its own port, so that a test may stop and
 * restart the server without disturbing anything else. initdb refuses to run as root: as root, the cluster is
 * run by the `postgres` user that Debian's package creates.
 */
export class PrivatePostgres {
  readonly url: string;
  private constructor(
    private readonly port: number,
    private readonly dir: string,
  ) {
    this.url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  }

  static start(port: number): PrivatePostgres {
    const dir = mkdtempSync(path.join(tmpdir(), 'gridwatch-pg-'));
    chmodSync(dir, 0o700);
    const cluster = new PrivatePostgres(port, dir);
    if (userInfo().uid === 0) {
      const { uid, gid } = postgresUser();
      chownSync(dir, uid, gid);
    }
    cluster.run('initdb', ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    cluster.pgCtl('start');
    return cluster;
  }

  pgCtl(action: 'start' | 'stop' | 'restart'): void {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    this.run('pg_ctl', [
      '-D',
      this.dir,
      '-o',
      options,
      '-l',
      path.join(this.dir, 'log'),
      '-w',
      '-m',
      'fast',
      action,
    ]);
  }

  destroy(): void {
    try {
      this.pgCtl('stop');
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }

  private run(program: string, args: string[]): void {
    const command = path.join(BIN, program);
    if (userInfo().uid === 0)
      execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' });
    else execFileSync(command, args, { stdio: 'pipe' });
  }
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  const [uid, gid] = [id('-u'), id('-g')];
  if (!Number.isInteger(uid) || !Number.isInteger(gid))
    throw new Error('no postgres user: install postgresql-15');
  return { uid, gid };
}
