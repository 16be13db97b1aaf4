import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'gridwatch_session';
/** Sessions last a working day; a new login starts a new one. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** 32 random bytes: the cookie's value, unguessable, so it needs no signature. */
export const newSessionToken = () => randomBytes(32).toString('base64url');

/** Only this digest is stored: a copy of the sessions table opens no session. */
export const hashSessionToken = (token: string) => createHash('sha256').update(token).digest('hex');
