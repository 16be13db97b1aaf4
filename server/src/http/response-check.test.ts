import Fastify, { type FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponses } from '@gridwatch/contract';
import { registerErrorHandling } from './error-handler';
import { checkResponses } from './response-check';

const Thing = Type.Object({ id: Type.Integer(), name: Type.String() });

/** A tiny app, checked as the tests' apps are, whose routes answer what their schemas say or not. */
async function tinyApp(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  registerErrorHandling(app);
  checkResponses(app);
  const schema = { response: { 200: Thing, ...errorResponses(404) } };
  app.get('/right', { schema }, async () => ({ id: 1, name: 'ok' }));
  app.get('/missing-field', { schema }, async () => ({ id: 1 }));
  app.get('/wrong-type', { schema }, async () => ({ id: 'one', name: 'x' }));
  app.get('/undeclared-status', { schema }, async () => {
    throw Object.assign(new Error('a conflict the schema does not declare'), { statusCode: 409 });
  });
  app.get('/declared-error', { schema }, async (_request, reply) =>
    reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'no thing', details: [] } }),
  );
  app.get('/binary', { schema }, async (_request, reply) =>
    reply.type('application/octet-stream').send(Buffer.from([1, 2, 3])),
  );
  await app.ready();
  return app;
}

describe('the response check', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await tinyApp();
  });
  afterAll(async () => app.close());

  it('lets an answer that matches its schema through unchanged', async () => {
    const res = await app.inject('/right');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: 1, name: 'ok' });
    const notFound = await app.inject('/declared-error');
    expect(notFound.statusCode).toBe(404);
  });

  it('turns an answer missing a required field into a 500 naming the route, the status and the path', async () => {
    const res = await app.inject('/missing-field');
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('RESPONSE_MISMATCH');
    expect(res.json().error.message).toBe(
      'GET /missing-field answered 200 against its response schema: /name is required',
    );
  });

  it('names the path of a value of the wrong type', async () => {
    const res = await app.inject('/wrong-type');
    expect(res.statusCode).toBe(500);
    expect(res.json().error.message).toContain('/id must be integer');
  });

  it('refuses a status the route does not declare', async () => {
    const res = await app.inject('/undeclared-status');
    expect(res.statusCode).toBe(500);
    expect(res.json().error.message).toContain('declares no response schema for status 409');
  });

  it('checks the not-found answer against the error shape and leaves binary answers alone', async () => {
    const res = await app.inject('/nowhere');
    expect(res.statusCode).toBe(404);
    expect((await app.inject('/binary')).statusCode).toBe(200);
  });
});
