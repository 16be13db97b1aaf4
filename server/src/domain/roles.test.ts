import { describe, expect, it } from 'vitest';
import type { Role } from '@gridwatch/contract';
import { decideAccess, type Access } from './roles';

describe('decideAccess', () => {
  const table: [Access, Role | null, boolean, string][] = [
    ['public', null, false, 'allow'],
    ['read', null, false, 'unauthenticated'],
    ['read', null, true, 'allow'],
    ['read', 'viewer', false, 'allow'],
    ['write', null, true, 'unauthenticated'],
    ['write', 'viewer', false, 'forbidden'],
    ['write', 'enforcer', false, 'allow'],
    ['write', 'admin', false, 'allow'],
    ['admin', 'enforcer', false, 'forbidden'],
    ['admin', 'admin', false, 'allow'],
  ];
  it.each(table)('%s by %s (public read %s) → %s', (access, role, publicRead, decision) => {
    expect(decideAccess(access, role, publicRead)).toBe(decision);
  });
});
