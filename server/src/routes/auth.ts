import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses, LoginBody, Me, NoContent } from '@gridwatch/contract';
import { LoginThrottle } from '../auth/login-throttle';
import { verifyPassword } from '../auth/password';
import { hashSessionToken, newSessionToken, SESSION_COOKIE, SESSION_TTL_MS } from '../auth/session-token';
import { AppError } from '../http/app-error';

// Five wrong passwords in a quarter of an hour, per username or per address, then 429 until the window passes.
const FAILURES = { maxFailures: 5, windowMs: 15 * 60 * 1000 };
// Verifying a password for an unknown user too, so the answer's timing does not tell which usernames exist.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const throttle = new LoginThrottle(FAILURES);
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
      const keys = [`user:${username}`, `ip:${request.ip}`];
      const wait = throttle.retryAfterMs(keys);
      if (wait > 0) {
        reply.header('retry-after', Math.ceil(wait / 1000));
        throw new AppError(
          429,
          'RATE_LIMITED',
          `Too many failed logins; try again in ${Math.ceil(wait / 60000)} min`,
        );
      }
      const user = await app.store.users.findByName(username);
      const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !valid || user.disabled) {
        throttle.recordFailure(keys);
        throw new AppError(401, 'UNAUTHENTICATED', 'Wrong username or password');
      }
      // Only the username's count: a valid login must not wipe an address's record of guessing.
      throttle.recordSuccess([`user:${username}`]);
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
      return { username: user.username, role: user.role };
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

  app.get(
    '/api/auth/me',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], response: { 200: Me, ...errorResponses(401) } },
    },
    async (request) => {
      if (!request.user) throw new AppError(401, 'UNAUTHENTICATED', 'Not logged in');
      return { username: request.user.username, role: request.user.role };
    },
  );
};

export default authRoutes;
