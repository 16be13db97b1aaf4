import type { StatusChangeBody } from '@gridwatch/contract';
import type { Failure, QueuedPhoto } from './queue-rules';
import type { Sender } from './sync';

/**
 * The queue's two calls over plain `fetch`, the same for the page and the service worker (sw.ts, Background Sync),
 * so that both send exactly the same requests: the photo uploaded (`POST /api/attachments`), then the change
 * (`PATCH /api/sites/:id` under the change's id as its Idempotency-Key). Not the page's API client: it decodes
 * answers with checks compiled into the page's bundle only, and the queue needs no answer but an attachment's id.
 * No retry here: a change that got no answer stays queued and the queue is sent again (online, page open, sync).
 */
export class SendFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
    this.name = 'SendFailure';
  }
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

async function call(fetchFn: Fetch, path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetchFn(path, { ...init, credentials: 'same-origin' });
  } catch (cause) {
    throw new SendFailure({ status: 0, code: 'NETWORK', message: `${path}: ${String(cause)}`, paths: [] });
  }
  if (response.ok) return response;
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: unknown; message?: unknown; details?: unknown };
  } | null;
  const error = body?.error;
  const details = Array.isArray(error?.details) ? (error.details as unknown[]) : [];
  throw new SendFailure({
    status: response.status,
    code: typeof error?.code === 'string' ? error.code : 'HTTP_ERROR',
    message: typeof error?.message === 'string' ? error.message : `${path}: HTTP ${response.status}`,
    paths: details.flatMap((d) =>
      typeof d === 'object' && d !== null && 'path' in d && typeof d.path === 'string' ? [d.path] : [],
    ),
  });
}

export function fetchSender(fetchFn: Fetch, newId: () => string = () => crypto.randomUUID()): Sender<Blob> {
  return {
    upload: async (photo: QueuedPhoto<Blob>) => {
      const form = new FormData();
      form.append('file', new File([photo.blob], photo.name, { type: photo.type }), photo.name);
      const answer = await call(fetchFn, '/api/attachments', {
        method: 'POST',
        headers: { accept: 'application/json' },
        body: form,
      });
      return ((await answer.json()) as { id: number }).id;
    },
    change: async (siteId: number, body: StatusChangeBody, key: string) => {
      await call(fetchFn, `/api/sites/${siteId}`, {
        method: 'PATCH',
        headers: { accept: 'application/json', 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
      });
    },
    toFailure: (error) =>
      error instanceof SendFailure
        ? error.failure
        : { status: 0, code: 'CLIENT', message: String(error), paths: [] },
    newId,
  };
}
