/** Letters and digits a person can read out and type without confusing them (no 0/O, 1/l/I). */
const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A one-time password for a new or reset account: 20 characters from the browser's cryptographic random
 * source (about 117 bits), shown once to the admin, who hands it over; the user then changes it.
 */
export function generatePassword(length = 20): string {
  const bytes = new Uint32Array(length);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (n) => ALPHABET[n % ALPHABET.length]).join('');
}
