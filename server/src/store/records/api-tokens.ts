import type { Db } from './db';
import { nowIso } from './db';
import { appendAudit } from './audit';
import { writeTransaction } from './idempotency';
import { toUserRecord, WITH_UTILITY, type UserRecord } from './users';

/** How often a token's last-used time is written at most: a GIS client asks for hundreds of tiles a minute. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiTokenRecord {
  id: number;
  name: string;
  username: string;
  role: UserRecord['role'];
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

type Row = Omit<ApiTokenRecord, 'username' | 'role'> & { user: { username: string; role: string } };
/** Field by field: the row also holds the token's hash, which never leaves the store. */
const toTokenRecord = (row: Row): ApiTokenRecord => ({
  id: row.id,
  name: row.name,
  username: row.user.username,
  role: row.user.role as UserRecord['role'],
  createdBy: row.createdBy,
  createdAt: row.createdAt,
  expiresAt: row.expiresAt,
  lastUsedAt: row.lastUsedAt,
  revokedAt: row.revokedAt,
});

/** Read-only API tokens (docs/gis-clients.md), looked up by the SHA-256 of the token as sessions are. */
export class ApiTokensRepository {
  constructor(private readonly db: Db) {}

  /** Issues a token for the user; audited (entity `user`, the token's user) in the same transaction. */
  async create(
    token: { tokenHash: string; name: string; userId: number; expiresAt: string | null },
    by: string,
  ): Promise<ApiTokenRecord> {
    return writeTransaction(this.db, async (tx) => {
      const row = await tx.apiToken.create({
        data: { ...token, createdBy: by, createdAt: nowIso() },
        include: { user: true },
      });
      await appendAudit(tx, {
        entity: 'user',
        entityId: token.userId,
        action: 'issue-token',
        username: by,
        details: { tokenId: row.id, name: row.name, expiresAt: row.expiresAt },
      });
      return toTokenRecord(row);
    });
  }

  async list(): Promise<ApiTokenRecord[]> {
    const rows = await this.db.apiToken.findMany({ orderBy: { id: 'asc' }, include: { user: true } });
    return rows.map(toTokenRecord);
  }

  /** Revokes the token at once (its row stays, with the time); false when there is no such token. */
  async revoke(id: number, by: string): Promise<boolean> {
    return writeTransaction(this.db, async (tx) => {
      const row = await tx.apiToken.findUnique({ where: { id } });
      if (!row) return false;
      if (row.revokedAt !== null) return true;
      await tx.apiToken.update({ where: { id }, data: { revokedAt: nowIso() } });
      await appendAudit(tx, {
        entity: 'user',
        entityId: row.userId,
        action: 'revoke-token',
        username: by,
        details: { tokenId: id, name: row.name },
      });
      return true;
    });
  }

  /**
   * The token's user, when the token exists, is neither revoked nor expired, and its user is not disabled; notes
   * the use (at most once a LAST_USED_RESOLUTION_MS, so reads do not become a write each).
   */
  async findUser(tokenHash: string): Promise<UserRecord | null> {
    const row = await this.db.apiToken.findUnique({
      where: { tokenHash },
      include: { user: { include: WITH_UTILITY } },
    });
    const now = nowIso();
    if (!row || row.revokedAt !== null || row.user.disabled) return null;
    if (row.expiresAt !== null && row.expiresAt <= now) return null;
    const stale = new Date(Date.now() - LAST_USED_RESOLUTION_MS).toISOString();
    if (row.lastUsedAt === null || row.lastUsedAt < stale) {
      await this.db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
    }
    return toUserRecord(row.user);
  }
}
