import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateUserBody,
  errorResponses,
  IdParams,
  UpdateUserBody,
  UserList,
  UserOut,
} from '@gridwatch/contract';
import { hashPassword } from '../auth/password';
import { passwordProblem } from '../auth/password-policy';
import { AppError, notFound, validationFailed } from '../http/app-error';

/** The 400 for an organisation that cannot be (docs/utilities.md). */
function organisationProblem(
  refusal: 'no-such-utility' | 'utility-admin',
  utilityId: number | null | undefined,
) {
  const message =
    refusal === 'utility-admin'
      ? "A utility's user is a viewer or an enforcer: a utility has no admins"
      : `No utility with id ${utilityId}`;
  const path = refusal === 'utility-admin' ? '/role' : '/utilityId';
  return validationFailed(message, [{ in: 'body', path, message }]);
}

async function checkPassword(password: string, username: string): Promise<void> {
  const problem = await passwordProblem(password, username);
  if (problem) throw validationFailed(problem, [{ in: 'body', path: '/password', message: problem }]);
}

/** User management for admins; every change is audited (entity `user`). */
const users: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/users',
    {
      config: { access: 'admin' },
      schema: { tags: ['users'], response: { 200: UserList, ...errorResponses(401, 403) } },
    },
    async () => app.store.users.list(),
  );

  app.post(
    '/api/users',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['users'],
        body: CreateUserBody,
        response: { 201: UserOut, ...errorResponses(400, 401, 403, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const { username, password, role, utilityId = null } = request.body;
      await checkPassword(password, username);
      const user = await app.store.users.create(
        { username, role, utilityId, passwordHash: await hashPassword(password) },
        request.user!.username,
      );
      if (user === 'taken') throw new AppError(409, 'USERNAME_TAKEN', `The username "${username}" is taken`);
      if (typeof user === 'string') throw organisationProblem(user, utilityId);
      return reply.code(201).send(user);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['users'],
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: UserOut, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { version, password, ...change } = request.body;
      if (id === request.user!.id && (change.disabled || (change.role && change.role !== 'admin'))) {
        throw new AppError(403, 'FORBIDDEN', 'An admin may not disable or demote themselves');
      }
      if (password !== undefined) {
        const user = await app.store.users.get(id);
        if (!user) throw notFound(`No user with id ${id}`);
        await checkPassword(password, user.username);
      }
      const passwordHash = password === undefined ? {} : { passwordHash: await hashPassword(password) };
      const result = await app.store.users.update(
        id,
        version,
        { ...change, ...passwordHash },
        request.user!.username,
      );
      if (result.ok) return result.user;
      if ('refusal' in result) throw organisationProblem(result.refusal, change.utilityId);
      if (result.currentVersion === null) throw notFound(`No user with id ${id}`);
      throw new AppError(
        409,
        'VERSION_CONFLICT',
        `User ${id} was changed meanwhile (now version ${result.currentVersion})`,
        [{ currentVersion: result.currentVersion }],
      );
    },
  );
};

export default users;
