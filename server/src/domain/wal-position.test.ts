import { describe, expect, it } from 'vitest';
import { parseWalPosition } from './wal-position';

describe('a WAL position', () => {
  it('compares as PostgreSQL orders them, across the slash', () => {
    expect(parseWalPosition('0/16B3748')).toBe(0x16b3748n);
    expect(parseWalPosition('1/0')! > parseWalPosition('0/FFFFFFFF')!).toBe(true);
    expect(parseWalPosition('16/b374d848')).toBe((0x16n << 32n) + 0xb374d848n);
  });
  it('is null for anything else (a forged cookie reads from the primary)', () => {
    for (const bad of ['', '0', '0/', '/1', 'x/1', '1/2/3', '123456789/0', ' 0/1']) {
      expect(parseWalPosition(bad)).toBeNull();
    }
  });
});
