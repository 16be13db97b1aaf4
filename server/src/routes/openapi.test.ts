import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_SEED } from '../../test/fixtures/small-seed';
import { OUTSIDE_REFERENCE } from '../../test/outside-references';
import { makeTestApp, type TestApp } from '../../test/test-app';

/** The OpenAPI document (/api/docs) names the project's own files only, never one a reader cannot open. */
describe('the OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, 'sqlite');
  });
  afterAll(async () => t.close());

  it('points at no file outside the repository', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.body.match(OUTSIDE_REFERENCE) ?? []).toEqual([]);
  });
});
