import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';
import { poolConfig } from './pool-settings';
import { withRowLevelSecurity } from './scoped-adapter';
import { readPreference } from '../scope';
import { parseWalPosition as parseLsn } from '../../domain/wal-position';

/** How often the replica's replay position is checked against the primary's. */
const PROBE_MS = 250;

/**
 * A streaming replica for the read routes (docs/scaling.md, "Reads from a replica"). Its own pool and Prisma
 * client, through the same row-level security wrapper as the primary's, so a utility's user is bound on it too.
 * Every PROBE_MS it reads the primary's WAL position and the replica's replay position: the replica's lag is how
 * long ago the primary was last at a position the replica has replayed (zero when it has replayed all). A replica
 * that does not answer, or lags beyond the bound, is skipped until it catches up.
 */
export class Replica {
  readonly prisma: PrismaClient;
  private replayed: bigint | null = null;
  private lagMs = Number.POSITIVE_INFINITY;
  /** The primary's positions of the last seconds, oldest first. */
  private readonly primaryAt: { at: number; lsn: bigint }[] = [];
  private readonly timer: NodeJS.Timeout;
  private probing = false;

  constructor(
    url: string,
    private readonly primary: pg.Pool,
    private readonly maxLagMs: number,
    poolSize: number,
  ) {
    this.pool = new pg.Pool({ ...poolConfig(url, poolSize), connectionTimeoutMillis: 1000 });
    // A connection cut by the replica's shutdown says at once that it is gone: skip it before the next probe.
    this.pool.on('error', () => this.markDown());
    this.pool.on('connect', (client) => client.on('error', () => this.markDown()));
    this.prisma = new PrismaClient({ adapter: withRowLevelSecurity(new PrismaPg(this.pool)) });
    this.timer = setInterval(() => void this.probe(), PROBE_MS);
    this.timer.unref();
  }

  private readonly pool: pg.Pool;

  /** Whether the current request reads from the replica; decided at its first query and kept. */
  chosen(): boolean {
    const preference = readPreference();
    if (!preference) return false;
    preference.from ??= this.usable(preference.after) ? 'replica' : 'primary';
    return preference.from === 'replica';
  }

  /** Up, within the lag bound, and past `after` (the reader's last write) when there is one. */
  usable(after: bigint | null): boolean {
    if (this.replayed === null || this.lagMs > this.maxLagMs) return false;
    return after === null || this.replayed >= after;
  }

  /** Skipped until the next probe finds it up (a connection cut, a query it failed). */
  markDown(): void {
    this.replayed = null;
    this.lagMs = Number.POSITIVE_INFINITY;
  }

  /** What /api/health reports. */
  state(): { usable: boolean; lagMs: number | null } {
    return { usable: this.usable(null), lagMs: Number.isFinite(this.lagMs) ? this.lagMs : null };
  }

  /** One probe: the primary's position first, then the replica's replay (so a quiet primary reads lag 0). */
  async probe(): Promise<void> {
    if (this.probing) return;
    this.probing = true;
    const now = Date.now();
    try {
      const { rows } = await this.primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
      const lsn = parseLsn(rows[0]?.lsn ?? '');
      if (lsn !== null) this.primaryAt.push({ at: now, lsn });
      while (this.primaryAt.length > 1 && this.primaryAt[0]!.at < now - 2 * this.maxLagMs)
        this.primaryAt.shift();
    } catch {
      // The primary is not answering: its own requests answer 503; the replica's state stands as last seen.
    }
    try {
      const { rows } = await this.pool.query<{ lsn: string | null }>(
        'SELECT pg_last_wal_replay_lsn()::text AS lsn',
      );
      this.replayed = parseLsn(rows[0]?.lsn ?? '');
      this.lagMs = this.replayed === null ? Number.POSITIVE_INFINITY : this.lagBehind(this.replayed);
    } catch {
      this.markDown();
    } finally {
      this.probing = false;
    }
  }

  /** Time since the primary was last at a position the replica has not replayed past. */
  private lagBehind(replayed: bigint): number {
    const behind = this.primaryAt.find((sample) => sample.lsn > replayed);
    return behind === undefined ? 0 : Date.now() - behind.at;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.prisma.$disconnect();
    await this.pool.end();
  }
}
