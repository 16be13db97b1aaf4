/**
 * glibc's malloc settings for the PostgreSQL server's processes (docs/performance.md, "Fix 17";
 * docs/scaling.md, "The database server's malloc"). A point tile's ST_AsMVT builds its value table and features in
 * memory that grows past glibc's default mmap threshold (128 KB, raised only as blocks are freed): each such
 * block was mapped fresh, faulted in page by page and unmapped again at the end of the statement, and the heap's
 * top was trimmed back to the system. With blocks up to 32 MB kept in the heap and its top kept, the database's
 * CPU per z12 tile at 1M sites fell from about 10 to about 5 ms. These are the environment of the postmaster,
 * which its backends inherit: Debian's /etc/postgresql/<version>/<cluster>/environment, systemd's Environment=,
 * or the environment pg_ctl is started with (the topology's servers: postgres.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const POSTGRES_MALLOC_ENV = {
  MALLOC_MMAP_THRESHOLD_: '33554432',
  MALLOC_TRIM_THRESHOLD_: '67108864',
} as const;

/**
 * The MALLOC_* settings a PostgreSQL server runs with (`NAME=value`, sorted), read from its postmaster's
 * environment, which its backends inherit (theirs is overwritten by their process titles); the pid is the first
 * line of `postmaster.pid` in its data directory. null where that cannot be read (another machine, another user).
 */
export function mallocSettingsOf(dataDirectory: string): string[] | null {
  try {
    const pid = readFileSync(path.join(dataDirectory, 'postmaster.pid'), 'latin1').split('\n')[0];
    return readFileSync(`/proc/${pid}/environ`, 'latin1')
      .split('\0')
      .filter((entry) => entry.startsWith('MALLOC_'))
      .sort();
  } catch {
    return null;
  }
}
