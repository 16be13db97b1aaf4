import type { Role } from '@gridwatch/contract';
import { usernameKey } from '../../domain/username-key';
import { appendAudit } from './audit';
import { writeTransaction } from './idempotency';
import { nowIso, type Db, type Tx } from './db';

export interface UserRecord {
  id: number;
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  version: number;
  /** The user's organisation: null for the regulator, else the utility whose sites alone the user sees. */
  utilityId: number | null;
  utilityName: string | null;
  utilityNameZh: string | null;
}

export interface UserWithHash extends UserRecord {
  passwordHash: string;
}

export type UserRow = {
  id: number;
  username: string;
  role: string;
  disabled: boolean;
  createdAt: string;
  version: number;
  utilityId: number | null;
  utility: { name: string; nameZh: string } | null;
};
/** Read a user with this to have what toUserRecord needs. */
export const WITH_UTILITY = { utility: { select: { name: true, nameZh: true } } } as const;

export const toUserRecord = (row: UserRow): UserRecord => ({
  id: row.id,
  username: row.username,
  role: row.role as Role,
  disabled: row.disabled,
  createdAt: row.createdAt,
  version: row.version,
  utilityId: row.utilityId,
  utilityName: row.utility?.name ?? null,
  utilityNameZh: row.utility?.nameZh ?? null,
});
const toRecord = toUserRecord;

export type UserUpdate = {
  role?: Role;
  disabled?: boolean;
  passwordHash?: string;
  utilityId?: number | null;
};

/** Why a user's organisation and role cannot go together, or null (docs/utilities.md). */
export type OrganisationRefusal = 'no-such-utility' | 'utility-admin';

/** Users and their changes, each change audited in the same transaction. */
export class UsersRepository {
  constructor(private readonly db: Db) {}

  count(): Promise<number> {
    return this.db.user.count();
  }

  async findByName(username: string): Promise<UserWithHash | null> {
    const row = await this.db.user.findUnique({ where: { username }, include: WITH_UTILITY });
    return row ? { ...toRecord(row), passwordHash: row.passwordHash } : null;
  }

  async get(id: number): Promise<UserRecord | null> {
    const row = await this.db.user.findUnique({ where: { id }, include: WITH_UTILITY });
    return row ? toRecord(row) : null;
  }

  async list(): Promise<UserRecord[]> {
    return (await this.db.user.findMany({ orderBy: { id: 'asc' }, include: WITH_UTILITY })).map(toRecord);
  }

  /**
   * The new user; 'taken' when the username, or one that folds onto the same key (auth/username.ts), is taken;
   * or why the organisation cannot be.
   */
  async create(
    {
      utilityId = null,
      ...user
    }: { username: string; role: Role; passwordHash: string; utilityId?: number | null },
    by: string,
  ): Promise<UserRecord | 'taken' | OrganisationRefusal> {
    return writeTransaction(this.db, async (tx) => {
      const key = usernameKey(user.username);
      if (await tx.user.findFirst({ where: { OR: [{ username: user.username }, { usernameKey: key }] } })) {
        return 'taken' as const;
      }
      const refusal = await organisationRefusal(tx, utilityId, user.role);
      if (refusal) return refusal;
      const row = await tx.user.create({
        data: { ...user, utilityId, usernameKey: key, createdAt: nowIso() },
        include: WITH_UTILITY,
      });
      await appendAudit(tx, {
        entity: 'user',
        entityId: row.id,
        action: 'create',
        username: by,
        details: { username: row.username, role: row.role, utilityId: row.utilityId },
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
  ): Promise<
    | { ok: true; user: UserRecord }
    | { ok: false; currentVersion: number | null }
    | { ok: false; refusal: OrganisationRefusal }
  > {
    return writeTransaction(this.db, async (tx) => {
      const before = await tx.user.findUnique({ where: { id } });
      if (before && before.version === version) {
        const utilityId = change.utilityId === undefined ? before.utilityId : change.utilityId;
        const refusal = await organisationRefusal(tx, utilityId, change.role ?? (before.role as Role));
        if (refusal) return { ok: false as const, refusal };
      }
      const { count } = await tx.user.updateMany({
        where: { id, version },
        data: { ...change, version: { increment: 1 } },
      });
      const row = await tx.user.findUnique({ where: { id }, include: WITH_UTILITY });
      if (count === 0 || !row) return { ok: false as const, currentVersion: row?.version ?? null };
      // A disabled user, one whose role or organisation changed, or one whose password was reset keeps no
      // open session.
      if (change.disabled || change.role || change.passwordHash || change.utilityId !== undefined) {
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

/** A utility must exist, and a utility's user is a viewer or an enforcer: a utility has no admins. */
async function organisationRefusal(
  tx: Tx,
  utilityId: number | null,
  role: Role,
): Promise<OrganisationRefusal | null> {
  if (utilityId === null) return null;
  if (role === 'admin') return 'utility-admin';
  const utility = await tx.utility.findFirst({ where: { id: utilityId }, select: { id: true } });
  return utility ? null : 'no-such-utility';
}
