import multipart from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AttachmentOut, errorResponses, IdParams } from '@gridwatch/contract';
import { Type } from 'typebox';
import { inspectUpload, makeThumbnail, MAX_FILE_BYTES } from '../domain/evidence';
import { AppError, notFound } from '../http/app-error';

/** What a download answers: the stored bytes, never rendered here (docs/evidence.md). */
const FileBody = Type.Unknown({ description: 'the file as stored, with Content-Disposition: attachment' });

/** RFC 6266: an ASCII fallback and the UTF-8 name (a display name is already free of paths and controls). */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Evidence (issue 12, docs/evidence.md): one file per upload, its type decided from its bytes; kept for its
 * uploader until a status change takes it (PATCH /api/sites/:id with attachmentIds); served as a download to
 * whoever may read the record.
 */
const attachments: FastifyPluginAsyncTypebox = async (app) => {
  // One file of at most 10 MB and nothing else. One byte more is read, so that 10 MB + 1 is refused by size.
  await app.register(multipart, {
    limits: { fileSize: MAX_FILE_BYTES + 1, files: 1, fields: 0, parts: 1, headerPairs: 100 },
    throwFileSizeLimit: false,
    // The name as sent: busboy would cut a path down to its last part, hiding the attempt the rule refuses.
    preservePath: true,
  });

  app.post(
    '/api/attachments',
    {
      config: { access: 'write' },
      schema: {
        tags: ['enforcement'],
        description:
          'Uploads one photo (JPEG, PNG, WebP) or PDF as multipart/form-data (field "file", at most 10 MB). ' +
          'The type is decided from the bytes; a program, an archive, a truncated image, a PDF with scripts ' +
          'or a path as the name is refused with 422 EVIDENCE_REFUSED naming the problem, and nothing is kept.',
        response: { 201: AttachmentOut, ...errorResponses(400, 401, 403, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new AppError(415, 'VALIDATION_FAILED', 'Send the file as multipart/form-data, field "file"');
      }
      const file = await request.file();
      if (!file)
        throw new AppError(400, 'VALIDATION_FAILED', 'No file in the upload: send one, field "file"');
      const bytes = await file.toBuffer();
      if (file.file.truncated || bytes.length > MAX_FILE_BYTES) {
        throw new AppError(
          413,
          'PAYLOAD_TOO_LARGE',
          `A file may be at most ${MAX_FILE_BYTES} bytes (10 MB); this one is larger`,
        );
      }
      const inspected = await inspectUpload({ bytes, fileName: file.filename });
      if (!inspected.ok) {
        const status = inspected.code === 'FILE_TOO_LARGE' ? 413 : 422;
        throw new AppError(
          status,
          status === 413 ? 'PAYLOAD_TOO_LARGE' : 'EVIDENCE_REFUSED',
          inspected.message,
          [{ in: 'body', path: '/file', code: inspected.code, message: inspected.message }],
        );
      }
      const thumbnail = await makeThumbnail(bytes, inspected.type);
      const stored = await app.store.attachments.create(
        inspected,
        bytes,
        thumbnail?.bytes ?? null,
        request.user!.username,
      );
      return reply.code(201).send(stored);
    },
  );

  /** A download: to any reader of the record once a status change or a report took it, to its uploader before. */
  const download = (which: 'file' | 'thumbnail') =>
    async function (
      this: unknown,
      request: { params: { id: number }; user: { username: string } | null },
      reply: FastifyReply,
    ) {
      const { id } = request.params;
      const access = await app.store.attachments.access(id);
      const mayRead =
        access !== null &&
        (access.statusChangeId !== null ||
          access.reportId !== null ||
          access.uploadedBy === request.user?.username);
      const content = mayRead ? await app.store.attachments.content(id, which) : null;
      if (!content) throw notFound(`No ${which === 'file' ? 'attachment' : 'thumbnail'} with id ${id}`);
      return reply
        .type(content.type)
        .header('content-disposition', disposition(content.displayName))
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(content.bytes));
    };

  app.get(
    '/api/attachments/:id',
    {
      config: { access: 'read', responseCheck: 'exempt' },
      schema: {
        tags: ['enforcement'],
        description: 'The file as uploaded, as a download (Content-Disposition: attachment).',
        params: IdParams,
        response: { 200: FileBody, ...errorResponses(400, 401, 404) },
      },
    },
    download('file'),
  );

  app.get(
    '/api/attachments/:id/thumbnail',
    {
      config: { access: 'read', responseCheck: 'exempt' },
      schema: {
        tags: ['enforcement'],
        description: 'A photo’s thumbnail (WebP, at most 256 px, no EXIF); 404 for a PDF.',
        params: IdParams,
        response: { 200: FileBody, ...errorResponses(400, 401, 404) },
      },
    },
    download('thumbnail'),
  );
};

export default attachments;
