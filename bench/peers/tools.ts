/**
 * The system tools the peers bench needs (Debian 12 packages), their presence, and the versions the result
 * file records.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mallocSettingsOf } from '../../deploy/topology/postgres-malloc';

export const MAPSERV = '/usr/lib/cgi-bin/mapserv';
export const APT_PACKAGES = ['mapserver-bin', 'cgi-mapserver', 'lighttpd', 'wrk', 'curl'];
export const APT_COMMAND = `apt-get install -y --no-install-recommends ${APT_PACKAGES.join(' ')}`;

const onPath = (name: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** What is missing: mapserv (cgi-mapserver), lighttpd, wrk, curl (scenario 7's client). */
export function missingTools(): string[] {
  const missing: string[] = [];
  if (!existsSync(MAPSERV)) missing.push(`${MAPSERV} (cgi-mapserver)`);
  if (!onPath('lighttpd') && !existsSync('/usr/sbin/lighttpd')) missing.push('lighttpd');
  if (!onPath('wrk')) missing.push('wrk');
  if (!onPath('curl')) missing.push('curl');
  return missing;
}

/** Checks the tools; with `install` and as root, installs them with apt-get; else exits with the command. */
export function ensureTools(install: boolean): void {
  let missing = missingTools();
  if (missing.length === 0) return;
  if (install && process.getuid?.() === 0) {
    console.log(`installing ${APT_PACKAGES.join(' ')} …`);
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('sh', ['-c', APT_COMMAND], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    missing = missingTools();
    if (missing.length === 0) return;
  }
  console.error(
    `bench:peers needs ${missing.join(', ')}. As root:\n  apt-get update && ${APT_COMMAND}\n` +
      `(or run the bench as root with --install)`,
  );
  process.exit(2);
}

const firstLine = (command: string, args: string[]) => {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
      .split('\n')[0]!
      .trim();
  } catch (error) {
    const out = (error as { stdout?: string }).stdout ?? '';
    return out.split('\n')[0]?.trim() || 'unknown';
  }
};

export function toolVersions(): Record<string, string> {
  return {
    mapserver: firstLine(MAPSERV, ['-v']),
    lighttpd: firstLine('/usr/sbin/lighttpd', ['-v']),
    wrk: firstLine('wrk', ['-v']),
  };
}

/**
 * What the result records of the PostgreSQL server's glibc malloc (deploy/topology/postgres-malloc.ts; it
 * halves the database's CPU per point tile, docs/performance.md "Fix 17"): its MALLOC_* settings, `none` when
 * unset, `unreadable` when the server is not this machine's or not this user's to read.
 */
export function postgresMallocOf(dataDirectory: string): string {
  const settings = mallocSettingsOf(dataDirectory);
  if (settings === null) return 'unreadable';
  return settings.length ? settings.join(' ') : 'none';
}
