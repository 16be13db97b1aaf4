import type { Role } from '@gridwatch/contract';
import { usernameKey } from '../../domain/username-key';
import { appendAudit } from './audit';
import { writeTransaction } from './idempotency';
import { nowIso, type Db } from './db';

export interface UserRecord {
  id: number;
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  version: number;
}

export interface UserWithHash extends UserRecord {
  passwordHash: string;
}

type UserRow = {
  id: number;
  username: string;
  role: string;
  disabled: boolean;
  createdAt: string;
  version: number;
};
/** A user row as the app sees it; sessions and API tokens resolve their user through it too. */
export const toRecord = ({ id, username, role, disabled, createdAt, version }: UserRow): UserRecord => ({
  id,
  username,
  role: role as Role,
  disabled,
  createdAt,
  version,
});

export type UserUpdate = { role?: Role; disabled?: boolean; passwordHash?: string };

/** Users and their changes, each change audited in the same transaction. */
export class UsersRepository {
  constructor(private readonly db: Db) {}

  count(): Promise<number> {
    return this.db.user.count();
  }

  async findByName(username: string): Promise<UserWithHash | null> {
    const row = await this.db.user.findUnique({ where: { username } });
    return row ? { ...toRecord(row), passwordHash: row.passwordHash } : null;
  }

  async get(id: number): Promise<UserRecord | null> {
    const row = await this.db.user.findUnique({ where: { id } });
    return row ? toRecord(row) : null;
  }

  async list(): Promise<UserRecord[]> {
    return (await this.db.user.findMany({ orderBy: { id: 'asc' } })).map(toRecord);
  }

  /** Null when the username, or one that folds onto the same key (auth/username.ts), is taken. */
  async create(
    user: { username: string; role: Role; passwordHash: string },
    by: string,
  ): Promise<UserRecord | null> {
    return writeTransaction(this.db, async (tx) => {
      const key = usernameKey(user.username);
      if (await tx.user.findFirst({ where: { OR: [{ username: user.username }, { usernameKey: key }] } })) {
        return null;
      }
      const row = await tx.user.create({ data: { ...user, usernameKey: key, createdAt: nowIso() } });
      await appendAudit(tx, {
        entity: 'user',
        entityId: row.id,
        action: 'create',
        username: by,
        details: { username: row.username, role: row.role },
      });
      return toRecord(row);
    });
  }

  /** Applies the change if `version` is current: the new record, or the current version on a conflict. */
  async update(
    id: number,
    version: number,
    change: UserUpdate,
    by: string,
  ): Promise<{ ok: true; user: UserRecord } | { ok: false; currentVersion: number | null }> {
    return writeTransaction(this.db, async (tx) => {
      const { count } = await tx.user.updateMany({
        where: { id, version },
        data: { ...change, version: { increment: 1 } },
      });
      const row = await tx.user.findUnique({ where: { id } });
      if (count === 0 || !row) return { ok: false as const, currentVersion: row?.version ?? null };
      // A disabled user, one whose role changed, or one whose password was reset keeps no open session.
      if (change.disabled || change.role || change.passwordHash) {
        await tx.session.deleteMany({ where: { userId: id } });
      }
      const { passwordHash: _hidden, ...audited } = change;
      await appendAudit(tx, {
        entity: 'user',
        entityId: id,
        action: 'update',
        username: by,
        details: { ...audited, ...(change.passwordHash ? { passwordChanged: true } : {}) },
      });
      return { ok: true as const, user: toRecord(row) };
    });
  }
}
