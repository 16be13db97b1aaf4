import { randomBytes } from 'node:crypto';

/** A prefix that says what a leaked string is (secret scanners key on such prefixes), then 32 random bytes. */
export const API_TOKEN_PREFIX = 'gwt_';

export const newApiToken = () => API_TOKEN_PREFIX + randomBytes(32).toString('base64url');

/** Only its SHA-256 is stored, as for session tokens (session-token.ts's hash). */
export { hashSessionToken as hashApiToken } from './session-token';
