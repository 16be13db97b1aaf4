/**
 * Two opens of one utility's report for one period at once (two enforcers, or a double click without an
 * Idempotency-Key): one opens the draft, the other hears 409 REPORT_EXISTS, as a second open after the first
 * does — never a 500 from the unique revision the first one's row took.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../test-app';
import { makeReportsApp, testSchedule, type ReportsApp } from '../reports-kit';

describe.each(BACKENDS)('opening one report twice at once on %s', (backend) => {
  let r: ReportsApp;
  beforeAll(async () => {
    r = await makeReportsApp(backend);
  });
  afterAll(async () => r.t.close());

  it('opens one draft and refuses the others with 409 REPORT_EXISTS', async () => {
    const { past } = testSchedule(31);
    const open = () =>
      r.t.app.inject({
        method: 'POST',
        url: '/api/reports',
        headers: { cookie: r.east },
        payload: { period: past },
      });
    const answers = await Promise.all([open(), open(), open(), open()]);
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses, answers.map((a) => a.body.slice(0, 200)).join('\n')).toEqual([201, 409, 409, 409]);
    for (const refused of answers.filter((a) => a.statusCode === 409)) {
      expect(refused.json().error.code).toBe('REPORT_EXISTS');
    }
    const list = await r.t.app.inject({ url: `/api/reports?period=${past}`, headers: { cookie: r.east } });
    expect(list.json()).toHaveLength(1);
  });
});
