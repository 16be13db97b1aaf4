/**
 * A username's key: the skeleton under which two names count as the same, so that "Admin", "ADMIN", "admin."
 * or "adm1n" cannot be created beside "admin" and pass for it. Usernames are ASCII letters, digits and . _ -
 * (the contract's pattern), so the folding is the ASCII part of Unicode's confusables (UTS #39): case, the
 * separators, and the look-alikes i/I/l/1, o/O/0, rn/m, vv/w. Migration 0004 applies the same folding in SQL.
 */
export function usernameKey(username: string): string {
  return username
    .toLowerCase()
    .replace(/[._-]/g, '')
    .replace(/0/g, 'o')
    .replace(/[1i]/g, 'l')
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w');
}
