import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/**
 * The bad rows an import answer lists: a dry run answers 200 with them in `errors` (and counts of 0), the
 * commit of the same file is refused with 422 IMPORT_INVALID listing them in the error's details.
 */
export function badRowsOf(res: LightMyRequestResponse, dryRun: boolean): unknown[] {
  if (dryRun) {
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json<{ created: number; updated: number; unchanged: number; errors: unknown[] }>();
    expect({ created: answer.created, updated: answer.updated, unchanged: answer.unchanged }).toEqual({
      created: 0,
      updated: 0,
      unchanged: 0,
    });
    return answer.errors;
  }
  expect(res.statusCode, res.body).toBe(422);
  const { error } = res.json<{ error: { code: string; details: unknown[] } }>();
  expect(error.code).toBe('IMPORT_INVALID');
  return error.details;
}
