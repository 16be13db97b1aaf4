import type { FailureCount } from '../../domain/login-backoff';
import type { Db } from './db';

/** The key under which an address's failures across all usernames are counted. */
export const ANY_USERNAME = '*';

/**
 * Failed logins per (username key, address) in the database, so every app instance behind a balancer counts the
 * same failures (docs/security.md). One upsert per counter, atomic on both stores.
 */
export class LoginFailuresRepository {
  constructor(private readonly db: Db) {}

  async get(usernameKey: string, address: string): Promise<FailureCount | null> {
    const row = await this.db.loginFailure.findUnique({
      where: { usernameKey_address: { usernameKey, address } },
    });
    return row ? { failures: row.failures, lastFailureAt: row.lastFailureAt } : null;
  }

  /**
   * Counts a failure for each key at `address`; a counter whose last failure is older than `forgetBefore` starts
   * again from one. Rows older than that are pruned on the way, so the table holds only the last hour's guessing.
   */
  async recordFailure(
    usernameKeys: string[],
    address: string,
    at: string,
    forgetBefore: string,
  ): Promise<void> {
    await this.db.$transaction(async (tx) => {
      for (const key of usernameKeys) {
        await tx.$executeRaw`
          INSERT INTO login_failures (username_key, address, failures, last_failure_at)
          VALUES (${key}, ${address}, 1, ${at})
          ON CONFLICT (username_key, address) DO UPDATE SET
            failures = CASE WHEN login_failures.last_failure_at < ${forgetBefore} THEN 1
                            ELSE login_failures.failures + 1 END,
            last_failure_at = excluded.last_failure_at`;
      }
      await tx.loginFailure.deleteMany({ where: { lastFailureAt: { lt: forgetBefore } } });
    });
  }

  async clear(usernameKey: string, address: string): Promise<void> {
    await this.db.loginFailure.deleteMany({ where: { usernameKey, address } });
  }
}
