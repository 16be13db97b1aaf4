import { expect } from 'vitest';
import type { TestApp } from './test-app';

/** Uploads a tiny PDF as `cookie`'s user (POST /api/attachments) and returns its id and hash. */
export async function uploadPdf(
  t: TestApp,
  cookie: string,
  text = 'evidence',
): Promise<{ id: number; sha256: string }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/attachments',
    headers: { cookie, 'content-type': 'multipart/form-data; boundary=b' },
    payload: `--b\r\nContent-Disposition: form-data; name="file"; filename="${text}.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n\r\n--b--\r\n`,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; sha256: string };
}
