import type { Db } from './db';
import { nowIso } from './db';
import { toUserRecord, WITH_UTILITY, type UserRecord } from './users';

/** A user's open sessions (browsers, devices) at most; a new login ends the oldest beyond it. */
export const MAX_SESSIONS_PER_USER = 10;

/** Server-side sessions, looked up by the SHA-256 of the cookie's token. */
export class SessionsRepository {
  constructor(private readonly db: Db) {}

  /**
   * Opens a session; on the way, purges every expired session and ends the user's oldest beyond
   * MAX_SESSIONS_PER_USER, so neither the table nor one user's open sessions grow without bound.
   */
  async create(tokenHash: string, userId: number, expiresAt: string): Promise<void> {
    const now = nowIso();
    await this.db.$transaction(async (tx) => {
      await tx.session.deleteMany({ where: { expiresAt: { lte: now } } });
      await tx.session.create({ data: { tokenHash, userId, createdAt: now, expiresAt } });
      const beyondCap = await tx.session.findMany({
        where: { userId },
        orderBy: [{ createdAt: 'desc' }, { tokenHash: 'asc' }],
        skip: MAX_SESSIONS_PER_USER,
        select: { tokenHash: true },
      });
      if (beyondCap.length > 0) {
        await tx.session.deleteMany({ where: { tokenHash: { in: beyondCap.map((r) => r.tokenHash) } } });
      }
    });
  }

  /** The session's user, if the session exists, has not expired and the user is not disabled. */
  async findUser(tokenHash: string): Promise<UserRecord | null> {
    const row = await this.db.session.findUnique({
      where: { tokenHash },
      include: { user: { include: WITH_UTILITY } },
    });
    if (!row || row.expiresAt <= nowIso() || row.user.disabled) return null;
    return toUserRecord(row.user);
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.session.deleteMany({ where: { tokenHash } });
  }

  async deleteExpired(): Promise<number> {
    return (await this.db.session.deleteMany({ where: { expiresAt: { lte: nowIso() } } })).count;
  }
}
