/** A PostgreSQL WAL position ('16/B374D848', as pg_current_wal_lsn() writes it) as a number that compares; null if malformed. */
export function parseWalPosition(text: string): bigint | null {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text);
  return match ? (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`) : null;
}
