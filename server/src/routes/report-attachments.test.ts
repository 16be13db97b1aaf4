import { sqltag as sql } from '@prisma/client/runtime/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostgisStore } from '../store/postgis/postgis-store';
import type { RawClient } from '../store/sql/sql-store';
import type { SqliteStore } from '../store/sqlite/sqlite-store';
import { BACKENDS } from '../../test/test-app';
import { call, makeReportsApp, testSchedule, type ReportsApp } from '../../test/reports-kit';
import { pdfText } from '../../test/pdf-text';
import { uploadPdf } from '../../test/upload';

/**
 * Evidence on reports (issue 12, part 3): a draft takes its utility enforcer's uploads as a status change does;
 * the frozen content lists their SHA-256; they are served only to whoever may read the report; a revision
 * after a return starts with them; a report's files are never purged as unattached uploads.
 */
describe.each(BACKENDS)('attachments on a report on %s', (backend) => {
  let a: ReportsApp;
  const { past } = testSchedule(31);
  beforeAll(async () => {
    a = await makeReportsApp(backend);
  });
  afterAll(async () => a.t.close());

  it('are taken by a draft, frozen by their hashes, readable by its readers only, copied to a revision', async () => {
    const { t, east, west, viewer, enforcer } = a;
    const draft = await call(t, east, 'POST', '/api/reports', { period: past }, 201);
    const one = await uploadPdf(t, east, 'meter-readings');
    const two = await uploadPdf(t, east, 'site-photo-log');
    const url = `/api/reports/${draft.id}`;
    const both = await call(t, east, 'PATCH', url, { attachmentIds: [one.id, two.id], version: 1 }, 200);
    expect(both.attachments.map((f: { id: number }) => f.id)).toEqual([one.id, two.id]);
    expect(both.content.attachments).toEqual([one.sha256, two.sha256].sort());
    // The set after the edit: two goes back to its uploader.
    const kept = await call(t, east, 'PATCH', url, { attachmentIds: [one.id], version: 2 }, 200);
    expect(kept.content.attachments).toEqual([one.sha256]);

    // Someone else's report's file, or a status change, cannot take it.
    const westDraft = await call(t, west, 'POST', '/api/reports', { period: past }, 201);
    const taken = await call(
      t,
      west,
      'PATCH',
      `/api/reports/${westDraft.id}`,
      { attachmentIds: [one.id], version: 1 },
      400,
    );
    expect(taken.error.details[0].path).toBe('/attachmentIds/0');
    const site = await call(t, east, 'GET', '/api/sites/4', undefined, 200);
    const change = await call(
      t,
      east,
      'PATCH',
      '/api/sites/4',
      {
        status: 'NOT_FOUND',
        note: 'nothing there',
        version: site.properties.version,
        attachmentIds: [one.id],
      },
      400,
    );
    expect(change.error.message).toMatch(/belongs to a report/);

    const sent = await call(t, east, 'POST', `${url}/submit`, { version: 3 }, 200);
    expect(sent.content.attachments).toEqual([one.sha256]);
    const pdf = await t.app.inject({ url: `${url}.pdf`, headers: { cookie: viewer } });
    expect(pdf.statusCode).toBe(200);
    expect(pdfText(pdf.rawPayload)).toContain(one.sha256);

    const file = (cookie: string) => t.app.inject({ url: `/api/attachments/${one.id}`, headers: { cookie } });
    expect((await file(east)).statusCode).toBe(200);
    expect((await file(viewer)).statusCode).toBe(200);
    const other = await file(west);
    expect(other.statusCode).toBe(404);
    expect(other.headers['content-disposition']).toBeUndefined();
    // The dropped one is its uploader's again, and nobody else's.
    expect(
      (await t.app.inject({ url: `/api/attachments/${two.id}`, headers: { cookie: east } })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ url: `/api/attachments/${two.id}`, headers: { cookie: viewer } })).statusCode,
    ).toBe(404);

    await call(
      t,
      enforcer,
      'POST',
      `${url}/review`,
      { decision: 'return', comment: 'Add the photos.', version: sent.version },
      200,
    );
    const revised = await call(t, east, 'POST', '/api/reports', { period: past }, 201);
    expect(revised.attachments).toHaveLength(1);
    expect(revised.attachments[0]).toMatchObject({ sha256: one.sha256, displayName: 'meter-readings.pdf' });
    expect(revised.attachments[0].id).not.toBe(one.id);
    const first = await call(t, viewer, 'GET', url, undefined, 200);
    expect(first.attachments.map((f: { id: number }) => f.id)).toEqual([one.id]);

    // Every upload a day old and another upload (which purges the unattached): the reports' files stay.
    const db = (t.store as SqliteStore | PostgisStore).prisma as unknown as RawClient;
    await db.$executeRaw(sql`UPDATE attachments SET uploaded_at = '2000-01-01T00:00:00.000Z'`);
    await uploadPdf(t, east, 'later');
    expect((await file(east)).statusCode).toBe(200);
    expect(
      (
        await t.app.inject({
          url: `/api/attachments/${revised.attachments[0].id}`,
          headers: { cookie: east },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ url: `/api/attachments/${two.id}`, headers: { cookie: east } })).statusCode,
    ).toBe(404);
  });
});
