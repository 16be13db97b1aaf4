import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ChangePasswordBody,
  errorResponses,
  LoginBody,
  Me,
  NoContent,
  SessionOut,
} from '@gridwatch/contract';
import { hashPassword, verifyPassword } from '../auth/password';
import { passwordProblem } from '../auth/password-policy';
import { hashSessionToken, newSessionToken, SESSION_COOKIE, SESSION_TTL_MS } from '../auth/session-token';
import { ADDRESS_RULE, FORGET_AFTER_MS, PAIR_RULE, waitMs } from '../domain/login-backoff';
import { usernameKey } from '../domain/username-key';
import { AppError, validationFailed } from '../http/app-error';
import { ANY_USERNAME, type UserRecord } from '../store/store';

// Verifying a password for an unknown user too, so the answer's timing does not tell which usernames exist.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Who is logged in, as the login, the session and `me` answer it: the name, the role and the organisation. */
const meOf = ({ username, role, utilityId, utilityName, utilityNameZh }: UserRecord): Me => ({
  username,
  role,
  utilityId,
  utilityName,
  utilityNameZh,
});

const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const };

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        body: LoginBody,
        // 403: a cross-site Origin; 413 and 415: the body's size and type.
        response: { 200: Me, ...errorResponses(400, 401, 403, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      // The back-off (domain/login-backoff.ts) slows guessing per (username, address) and per address, and
      // never locks a user out: the right password from an address with no failures always works.
      const key = usernameKey(username);
      const address = request.ip;
      const now = Date.now();
      const [pair, anyUser] = await Promise.all([
        app.store.loginFailures.get(key, address),
        app.store.loginFailures.get(ANY_USERNAME, address),
      ]);
      const wait = Math.max(waitMs(PAIR_RULE, pair, now), waitMs(ADDRESS_RULE, anyUser, now));
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        reply.header('retry-after', seconds);
        throw new AppError(
          429,
          'RATE_LIMITED',
          `Too many failed logins from this address; try again in ${seconds} s`,
        );
      }
      const user = await app.store.users.findByName(username);
      const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !valid || user.disabled) {
        await app.store.loginFailures.recordFailure(
          [key, ANY_USERNAME],
          address,
          new Date(now).toISOString(),
          new Date(now - FORGET_AFTER_MS).toISOString(),
        );
        throw new AppError(401, 'UNAUTHENTICATED', 'Wrong username or password');
      }
      // Only this pair's count: a valid login must not wipe the address's record of guessing other names.
      await app.store.loginFailures.clear(key, address);
      const token = newSessionToken();
      await app.store.sessions.create(
        hashSessionToken(token),
        user.id,
        new Date(Date.now() + SESSION_TTL_MS).toISOString(),
      );
      reply.setCookie(SESSION_COOKIE, token, {
        ...cookieOptions,
        secure: request.protocol === 'https',
        maxAge: SESSION_TTL_MS / 1000,
      });
      return meOf(user);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], response: { 204: NoContent, ...errorResponses(403) } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await app.store.sessions.delete(hashSessionToken(token));
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/password',
    {
      // Public so that the route itself answers 401 to nobody; a user changes their own password only.
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        body: ChangePasswordBody,
        response: { 204: NoContent, ...errorResponses(400, 401, 403, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      if (!request.user) throw new AppError(401, 'UNAUTHENTICATED', 'Not logged in');
      const { currentPassword, newPassword } = request.body;
      const user = await app.store.users.findByName(request.user.username);
      if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
        const message = 'The current password is wrong';
        throw validationFailed(message, [{ in: 'body', path: '/currentPassword', message }]);
      }
      const problem = await passwordProblem(newPassword, user.username);
      if (problem) throw validationFailed(problem, [{ in: 'body', path: '/newPassword', message: problem }]);
      const result = await app.store.users.update(
        user.id,
        user.version,
        { passwordHash: await hashPassword(newPassword) },
        user.username,
      );
      if (!result.ok)
        throw new AppError(409, 'VERSION_CONFLICT', 'Your account was changed meanwhile: try again');
      // The change ended every session of the user (records/users.ts); this browser gets a new one, the others
      // (another device, a stolen cookie) stay ended.
      const token = newSessionToken();
      await app.store.sessions.create(
        hashSessionToken(token),
        user.id,
        new Date(Date.now() + SESSION_TTL_MS).toISOString(),
      );
      reply.setCookie(SESSION_COOKIE, token, {
        ...cookieOptions,
        secure: request.protocol === 'https',
        maxAge: SESSION_TTL_MS / 1000,
      });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/session',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], response: { 200: SessionOut } },
    },
    async (request) => {
      if (!request.user) return { user: null, publicRead: app.config.publicRead };
      return { user: meOf(request.user), publicRead: app.config.publicRead };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], response: { 200: Me, ...errorResponses(401) } },
    },
    async (request) => {
      if (!request.user) throw new AppError(401, 'UNAUTHENTICATED', 'Not logged in');
      return meOf(request.user);
    },
  );
};

export default authRoutes;
