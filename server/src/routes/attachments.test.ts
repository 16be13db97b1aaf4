/**
 * Evidence on status changes (issue 12, section 3; docs/evidence.md), on both stores: an upload kept for its
 * uploader, taken by a status change with its GPS flags, downloaded as an attachment by readers; every bad file
 * refused with a 4xx that names the problem, and nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  elfExecutable,
  JAVASCRIPT_ACTION,
  pdf,
  pdfObjects,
  photo,
  truncate,
  zipArchive,
} from '../../test/fixtures/evidence/fixtures';
import { SMALL_SEED } from '../../test/fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../../test/test-app';

const BOUNDARY = 'gridwatch-test-boundary';

function multipart(fileName: string, bytes: Buffer, contentType = 'image/jpeg'): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        `Content-Type: ${contentType}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

// M-4 of the small seed, SUSPECTED, at (89.01, 44.0).
const SITE = { id: 4, lon: 89.01, lat: 44.0 };

describe.each(BACKENDS)('evidence on %s', (backend) => {
  let t: TestApp;
  let enforcer: string;
  let admin: string;
  beforeAll(async () => {
    t = await makeTestApp(SMALL_SEED, backend, { publicRead: false });
    enforcer = await t.login('enforcer');
    admin = await t.login('admin');
  });
  afterAll(async () => t.close());

  const upload = (fileName: string, bytes: Buffer, cookie = enforcer, contentType?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/attachments',
      headers: { cookie, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: multipart(fileName, bytes, contentType),
    });
  const count = async () => {
    const raw = (t.store as unknown as { prisma: { attachment: { count(): Promise<number> } } }).prisma;
    return raw.attachment.count();
  };
  const site = async (id: number) =>
    (await t.app.inject({ url: `/api/sites/${id}`, headers: { cookie: enforcer } })).json();

  it('keeps a photo for its uploader, lets a status change take it with its GPS flags, and serves it', async () => {
    const near = await upload(
      'meter room.jpg',
      await photo('jpeg', { gps: { lon: SITE.lon + 0.001, lat: SITE.lat } }),
    );
    expect(near.statusCode, near.body).toBe(201);
    expect(near.json()).toMatchObject({
      type: 'image/jpeg',
      flags: [],
      distanceKm: null,
      hasThumbnail: true,
    });
    const far = await upload('far.png', await photo('png', { gps: { lon: SITE.lon + 0.1, lat: SITE.lat } }));
    const none = await upload('no-gps.webp', await photo('webp'));
    expect(none.json().flags).toEqual(['NO_GPS']);
    const paper = await upload('order.pdf', pdf(pdfObjects()));
    expect(paper.json()).toMatchObject({ type: 'application/pdf', hasThumbnail: false });
    const ids = [near, far, none, paper].map((r) => r.json().id as number);

    // Before a status change takes it, only its uploader may download it.
    expect(
      (await t.app.inject({ url: `/api/attachments/${ids[0]}`, headers: { cookie: admin } })).statusCode,
    ).toBe(404);

    const { version } = (await site(SITE.id)).properties;
    const change = await t.app.inject({
      method: 'PATCH',
      url: `/api/sites/${SITE.id}`,
      headers: { cookie: enforcer },
      payload: { status: 'UNLICENSED', note: 'found running; photos attached', version, attachmentIds: ids },
    });
    expect(change.statusCode, change.body).toBe(200);
    const [latest] = (
      await t.app.inject({ url: `/api/sites/${SITE.id}/history`, headers: { cookie: admin } })
    ).json();
    const taken = latest.attachments as { id: number; flags: string[]; distanceKm: number | null }[];
    expect(taken.map((a) => a.id)).toEqual(ids);
    expect(taken[0]!.flags).toEqual([]);
    expect(taken[0]!.distanceKm).toBeCloseTo(0.08, 2);
    expect(taken[1]!.flags).toEqual(['FAR_FROM_SITE']);
    expect(taken[1]!.distanceKm).toBeGreaterThan(7);
    expect(taken[2]).toMatchObject({ flags: ['NO_GPS'], distanceKm: null });
    expect(taken[3]).toMatchObject({ flags: [], distanceKm: null });

    // Now any reader may download it, as an attachment that no browser renders in the page.
    const file = await t.app.inject({ url: `/api/attachments/${ids[0]}`, headers: { cookie: admin } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['content-disposition']).toContain('attachment; filename="meter room.jpg"');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-security-policy']).toContain('sandbox');
    expect(file.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const thumb = await t.app.inject({
      url: `/api/attachments/${ids[0]}/thumbnail`,
      headers: { cookie: admin },
    });
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect(
      (await t.app.inject({ url: `/api/attachments/${ids[3]}/thumbnail`, headers: { cookie: admin } }))
        .statusCode,
    ).toBe(404);
    expect((await t.app.inject({ url: `/api/attachments/${ids[0]}` })).statusCode).toBe(401);

    // Taken once: another change cannot take it again, and nothing of that change is written.
    const again = await t.app.inject({
      method: 'PATCH',
      url: `/api/sites/${SITE.id}`,
      headers: { cookie: enforcer },
      payload: {
        status: 'SHUTDOWN_ORDERED',
        note: 'order served',
        version: version + 1,
        attachmentIds: [ids[0]],
      },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details[0].path).toBe('/attachmentIds/0');
    expect((await site(SITE.id)).properties.status).toBe('UNLICENSED');
  });

  it('refuses what is not evidence with a 4xx naming the problem, and stores nothing', async () => {
    const jpeg = await photo('jpeg');
    const before = await count();
    const cases: [string, Buffer, number, string | null][] = [
      ['photo.jpg', elfExecutable(), 422, 'EXECUTABLE'],
      ['photo.jpg', zipArchive(), 422, 'ARCHIVE'],
      ['cut.jpg', truncate(jpeg, 0.5), 422, 'IMAGE_TRUNCATED'],
      ['order.pdf', pdf(pdfObjects('/OpenAction 5 0 R', [JAVASCRIPT_ACTION])), 422, 'PDF_ACTIVE_CONTENT'],
      ['../../etc/passwd.jpg', jpeg, 422, 'UNSAFE_FILE_NAME'],
      ['big.jpg', Buffer.concat([jpeg, Buffer.alloc(10 * 1024 * 1024 + 1 - jpeg.length)]), 413, null],
    ];
    for (const [name, bytes, status, code] of cases) {
      const res = await upload(name, bytes);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(status);
      if (code) expect(res.json().error.details[0].code, name).toBe(code);
    }
    expect(await count()).toBe(before);
    // An upload is not keyed: its streamed body has no fingerprint, so a key could replay another file's answer.
    const keyed = await t.app.inject({
      method: 'POST',
      url: '/api/attachments',
      headers: {
        cookie: enforcer,
        'idempotency-key': 'upload-1',
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      },
      payload: multipart('photo.jpg', jpeg),
    });
    expect(keyed.statusCode).toBe(400);
    expect(keyed.json().error.details[0].path).toBe('/idempotency-key');
    expect(await count()).toBe(before);
    // A viewer may not upload.
    expect((await upload('photo.jpg', jpeg, await t.login('viewer'))).statusCode).toBe(403);
  });

  it('takes at most 20 files on one status change', async () => {
    const { version } = (await site(2)).properties; // M-2, UNLICENSED
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/sites/2',
      headers: { cookie: enforcer },
      payload: {
        status: 'SHUTDOWN_ORDERED',
        note: 'too many files',
        version,
        attachmentIds: Array.from({ length: 21 }, (_, i) => i + 1),
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('/attachmentIds');
  });
});
