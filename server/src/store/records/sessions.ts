import type { Db } from './db';
import { nowIso } from './db';
import type { UserRecord } from './users';
import type { Role } from '@gridwatch/contract';

/** Server-side sessions, looked up by the SHA-256 of the cookie's token. */
export class SessionsRepository {
  constructor(private readonly db: Db) {}

  async create(tokenHash: string, userId: number, expiresAt: string): Promise<void> {
    await this.db.session.create({ data: { tokenHash, userId, createdAt: nowIso(), expiresAt } });
  }

  /** The session's user, if the session exists, has not expired and the user is not disabled. */
  async findUser(tokenHash: string): Promise<UserRecord | null> {
    const row = await this.db.session.findUnique({ where: { tokenHash }, include: { user: true } });
    if (!row || row.expiresAt <= nowIso() || row.user.disabled) return null;
    const { id, username, role, disabled, createdAt, version } = row.user;
    return { id, username, role: role as Role, disabled, createdAt, version };
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.session.deleteMany({ where: { tokenHash } });
  }

  async deleteExpired(): Promise<number> {
    return (await this.db.session.deleteMany({ where: { expiresAt: { lte: nowIso() } } })).count;
  }
}
