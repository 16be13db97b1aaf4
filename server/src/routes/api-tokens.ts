import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ApiTokenList,
  CreateApiTokenBody,
  errorResponses,
  IdParams,
  IssuedApiToken,
  NoContent,
} from '@gridwatch/contract';
import { hashApiToken, newApiToken } from '../auth/api-token';
import { notFound, validationFailed } from '../http/app-error';

/** Read-only API tokens for GIS clients (docs/gis-clients.md): admins issue, list and revoke them (no-store). */
const apiTokens: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/tokens',
    {
      config: { access: 'admin' },
      schema: { tags: ['tokens'], response: { 200: ApiTokenList, ...errorResponses(401, 403) } },
    },
    async () => app.store.apiTokens.list(),
  );

  app.post(
    '/api/tokens',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['tokens'],
        body: CreateApiTokenBody,
        response: { 201: IssuedApiToken, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      const { name, username, expiresAt } = request.body;
      const refuse = (path: string, message: string) =>
        validationFailed(message, [{ in: 'body', path, message }]);
      if (name.trim() === '') throw refuse('/name', 'The name must not be blank');
      const user = await app.store.users.findByName(username);
      if (!user) throw refuse('/username', `No user "${username}"`);
      if (user.disabled) throw refuse('/username', `The user "${username}" is disabled`);
      const expires = expiresAt === undefined ? null : new Date(expiresAt);
      if (expires && expires.getTime() <= Date.now()) throw refuse('/expiresAt', 'expiresAt is in the past');
      const token = newApiToken();
      const apiToken = await app.store.apiTokens.create(
        { tokenHash: hashApiToken(token), name, userId: user.id, expiresAt: expires?.toISOString() ?? null },
        request.user!.username,
      );
      return reply.code(201).send({ id: apiToken.id, token, apiToken });
    },
  );

  app.delete(
    '/api/tokens/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['tokens'],
        params: IdParams,
        response: { 204: NoContent, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      if (!(await app.store.apiTokens.revoke(id, request.user!.username)))
        throw notFound(`No API token ${id}`);
      return reply.code(204).send(null);
    },
  );
};

export default apiTokens;
